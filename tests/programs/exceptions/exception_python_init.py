# Exception classes whose __init__ is a Python function: what
# BaseException.__new__ stores before __init__ runs, and how __init__'s
# arguments, return value and errors behave.


class ParseError(Exception):
    def __init__(self, pos, reason):
        print("in __init__, args already", self.args)
        super().__init__(pos, reason)
        self.pos = pos


class Empty(ParseError):
    pass


e = Empty(3, "empty")
print(type(e).__name__, e.args, e.pos, str(e), repr(e))
print(e.__traceback__, e.__context__, e.__cause__, e.__suppress_context__)


class NoSuper(Exception):
    def __init__(self, a, b=2):
        self.total = a + b


n = NoSuper(1)
print(n.args, n.total, str(n), repr(n))
n = NoSuper(1, 5)
print(n.args, n.total)


class Replaces(Exception):
    def __init__(self, x):
        super().__init__("replaced", x * 2)


print(Replaces(4).args)


class ReturnsValue(Exception):
    def __init__(self, x):
        return x


try:
    ReturnsValue(7)
except TypeError as err:
    print("TypeError:", err)

try:
    ParseError(1)
except TypeError as err:
    print("TypeError:", err)

try:
    ParseError(1, 2, 3)
except TypeError as err:
    print("TypeError:", err)

print(ParseError(pos=1, reason="kw").args)


class Raising(Exception):
    def __init__(self, x):
        raise ValueError("bad " + str(x))


try:
    Raising(5)
except ValueError as err:
    print("ValueError:", err, type(err.__context__))

# Families: the family's fields come from BaseException's __init__ only.


class Stop(StopIteration):
    def __init__(self, v):
        self.v = v


s = Stop(9)
print(s.args, s.value, s.v)


class Stop2(StopIteration):
    def __init__(self, v):
        super().__init__(v, "extra")


print(Stop2(9).value, Stop2(9).args)


class Missing(KeyError):
    def __init__(self, key):
        super().__init__(key)


print(str(Missing("k")), repr(Missing("k")))


class MyOSError(OSError):
    def __init__(self, errno, text):
        super().__init__(errno, text)


o = MyOSError(2, "gone")
print(type(o).__name__, o.errno, o.strerror, str(o))


class Attr(AttributeError):
    def __init__(self, name):
        super().__init__("no " + name, name=name)


a = Attr("x")
print(a.args, a.name)


class WithNew(Exception):
    def __new__(cls, *args):
        print("__new__", args)
        return super().__new__(cls, "from new")

    def __init__(self, *args):
        print("__init__", args, self.args)


print(WithNew(1, 2).args)


class Slotted(Exception):
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


sl = Slotted(5)
print(sl.a, sl.args)


class GenInit(Exception):
    def __init__(self, x):
        yield x


try:
    GenInit(1)
except TypeError as err:
    print("TypeError:", err)


class Counted(Exception):
    made = 0

    def __init__(self, *args):
        Counted.made += 1
        super().__init__(*args)


for i in range(3):
    try:
        raise Counted(i)
    except Counted as err:
        print(err.args, Counted.made)


# Deep recursion through a Python __init__ still raises RecursionError.
class Deep(Exception):
    def __init__(self, n):
        if n:
            Deep(n - 1)


try:
    Deep(100000)
except RecursionError as err:
    print("RecursionError:", err)


# The traceback goes through __init__'s frame.
class Fails(Exception):
    def __init__(self, x):
        self.x = 1 / x


def make():
    return Fails(0)


make()
