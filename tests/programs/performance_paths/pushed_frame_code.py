# Frames pushed by the fast CALL paths (plain function, bound method,
# *args function, class call running __init__) start running the code of
# the function as it is at the call: checked through f_code, f_back,
# tracebacks, callees rebound after the site warmed up, recursion limit
# and argument errors.
import sys


def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_back.f_code.co_name, f.f_lineno - f.f_code.co_firstlineno


def plain(a, b=2):
    return where(), a + b


def star(a, *rest):
    return where(), a, rest


class Box:
    def __init__(self, v, w=10):
        self.info = where()
        self.v = v + w

    def get(self, k):
        return where(), self.v + k


def driver():
    out = []
    b = Box(1)
    for i in range(3):
        out.append(plain(i))
        out.append(plain(i, 5))
        out.append(star(i))
        out.append(star(i, 1, 2))
        out.append(b.get(i))
        out.append(Box(i, 1).info)
    return out


for row in driver():
    print(row)


# The global called rebound after the site warmed up: the next call runs
# the new function's code (more locals than the old one).
def one(x):
    return ("one", x)


def two(x):
    y = x * 2
    z = [y, y]
    return ("two", x, y, z, sys._getframe().f_code.co_name)


target = one


def call_many(n):
    return [target(i) for i in range(n)]


print(call_many(3))
target = two
print(call_many(3))


class Swap:
    def __init__(self, a):
        self.a = a


def make(n):
    return [Swap(i).__dict__ for i in range(n)]


print(make(2))


def init2(self, a):
    self.b = a * 100
    self.where = sys._getframe().f_code.co_name


Swap.__init__ = init2
print(make(2))


# Exceptions raised inside fast-pushed frames: tracebacks name each frame.
def inner(x):
    return 1 // x


def outer(x):
    return inner(x)


for v in (1, 0):
    try:
        print(outer(v))
    except ZeroDivisionError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("ZeroDivisionError", names)


class Bad:
    def __init__(self, x):
        raise ValueError(x)


for v in range(2):
    try:
        Bad(v)
    except ValueError as e:
        print("ValueError", e.args, e.__traceback__.tb_next.tb_frame.f_code.co_name)


# Wrong argument counts after warm-up: CPython's messages.
def two_args(a, b):
    return a - b


for args in [(1, 2), (3, 4), (1,), (1, 2, 3), ()]:
    try:
        print(two_args(*args) if len(args) != 2 else two_args(args[0], args[1]))
    except TypeError as e:
        print("TypeError", e)

for f in (lambda: two_args(1), lambda: two_args(1, 2, 3), lambda: Box(), lambda: b.get()):
    try:
        b = Box(0)
        f()
    except TypeError as e:
        print("TypeError", e)


# The recursion limit reached inside fast calls.
def down(n):
    return down(n + 1)


old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(old)


# Closures and generators called through the fast path.
def counter():
    n = 0

    def bump(k):
        nonlocal n
        n += k
        return n

    return bump


c = counter()
print([c(i) for i in range(5)])


def gen(a, b=3):
    yield where()
    yield a + b


print([list(gen(i)) for i in range(2)])
