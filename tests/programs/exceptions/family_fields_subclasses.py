# Family fields and constructor rules reached through user subclasses,
# super().__init__ with and without keywords, and args after re-init.


class MyStop(StopIteration):
    pass


class MyExit(SystemExit):
    def __init__(self, *args):
        super().__init__(*args)


class MyImport(ImportError):
    def __init__(self, msg, **kw):
        super().__init__(msg, **kw)


class MyDecode(UnicodeDecodeError):
    pass


class MyAttr(AttributeError):
    pass


class MyOS(OSError):
    def __init__(self, *args):
        super().__init__(*args)


class Group(ExceptionGroup):
    pass


print(MyStop(7).value, MyStop().value, MyStop(1, 2).value)
print(MyExit().code, MyExit(3).code, MyExit(1, 2).code)
e = MyImport("boom", name="mod", path="/p")
print(e.msg, e.name, e.path, e.name_from, str(e))
try:
    MyImport("boom", colour="red")
except TypeError as err:
    print("TypeError:", err)
d = MyDecode("utf-8", b"\xff", 0, 1, "invalid start byte")
print(d.encoding, d.object, d.start, d.end, d.reason)
print(str(d))
a = MyAttr("no", name="x", obj=3)
print(a.name, a.obj, a.args)
o = MyOS(2, "No such file", "f.txt")
print(type(o).__name__, o.errno, o.strerror, o.filename, str(o))
print(type(OSError(2, "x")).__name__)
g = Group("msg", [ValueError(1), TypeError(2)])
print(type(g).__name__, g.message, len(g.exceptions))
try:
    ValueError(1, x=2)
except TypeError as err:
    print("TypeError:", err)


class Plain(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a = a


p = Plain(1, "two")
print(p.args, p.a, str(p), repr(p))
saved = p.args
p.__init__(1, "two")
print(p.args == saved, p.args)
Exception.__init__(p, 3)
print(p.args)
Exception.__init__(p)
print(p.args, repr(str(p)))


class Renamed(Exception):
    def __new__(cls, *args):
        return super().__new__(cls, "from-new")

    def __init__(self, *args):
        pass


print(Renamed(1, 2).args)


class InitDiffers(Exception):
    def __init__(self, x):
        super().__init__(x * 2)


print(InitDiffers(21).args)
kw = {}
e = ValueError()
e.__init__(5, **kw)
print(e.args)
