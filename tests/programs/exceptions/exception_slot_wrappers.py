# BaseException's __init__, __str__ and __repr__ are slot wrappers, bound
# as method-wrappers, and reachable through super() and the class.


class Loud(Exception):
    def __init__(self, *args):
        super().__init__(*args)

    def __str__(self):
        return super().__str__().upper() + "!"

    def __repr__(self):
        return "Loud:" + super().__repr__()


print(BaseException.__init__)
print(BaseException.__str__, BaseException.__repr__)
print(type(ValueError().__init__).__name__, type(BaseException.__init__).__name__)
e = Loud("quiet", 2)
print(str(e), repr(e), e.args)
print(str(Loud("one")), repr(Loud()))
k = KeyError("key")
print(BaseException.__str__(k), KeyError.__str__(k), str(k))
v = ValueError()
BaseException.__init__(v, 1, 2)
print(v.args)
v.__init__(3)
print(v.args)
for call in (
    lambda: BaseException.__init__(5),
    lambda: BaseException.__str__(5),
    lambda: BaseException.__repr__("x"),
):
    try:
        call()
    except TypeError as err:
        print("TypeError:", err)
print(ValueError.__init__ is BaseException.__init__, ValueError.__str__ is BaseException.__str__)
print(KeyError.__str__ is BaseException.__str__)


class MyKey(KeyError):
    def __str__(self):
        return "<" + super().__str__() + ">"


class MyOS(OSError):
    def __str__(self):
        return "os:" + super().__str__()


class MyDecode(UnicodeDecodeError):
    def __str__(self):
        return "decode:" + super().__str__()


class MyGroup(ExceptionGroup):
    def __str__(self):
        return "group:" + super().__str__()


print(str(MyKey("k")), str(MyOS(2, "gone", "f")))
print(str(MyDecode("utf-8", b"\xff", 0, 1, "bad")))
print(str(MyGroup("m", [ValueError()])))
print(KeyError.__str__, OSError.__str__ is BaseException.__str__)
print(ImportError.__str__(ImportError("m", name="n")), SyntaxError.__str__(SyntaxError("s")))
for call in (
    lambda: KeyError.__str__(ValueError()),
    lambda: KeyError.__str__(5),
):
    try:
        call()
    except TypeError as err:
        print("TypeError:", err)
