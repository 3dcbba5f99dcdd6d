"""A property whose getter is a Python function runs as a frame of the eval
loop (no native recursion): results, errors, tracebacks, recursion, a
getter swapped mid-loop, subclasses and generator getters."""

import sys


class Point:
    def __init__(self, x):
        self.x = x

    @property
    def double(self):
        return self.x * 2

    @property
    def broken(self):
        return 1 / 0

    @property
    def nothing(self):
        pass


p = Point(3)
total = 0
for i in range(50):
    total += p.double
print("total", total)
print("nothing", p.nothing)

# The getter raises: the error comes out of the load, with both frames.
for i in range(3):
    try:
        p.broken
    except ZeroDivisionError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("caught", e, names)


# Getters taking the wrong arguments.
class Odd:
    def none():
        return 1

    def two(self, other):
        return 2

    def with_default(self, extra=5):
        return extra

    def star(*args):
        return args

    no_args = property(none)
    two_args = property(two)
    defaulted = property(with_default)
    starred = property(star)


o = Odd()
for i in range(2):
    for name in ("no_args", "two_args", "defaulted", "starred"):
        try:
            print(name, type(getattr(o, name)).__name__ if i else None)
            v = o.no_args if name == "no_args" else o.two_args if name == "two_args" else o.defaulted if name == "defaulted" else o.starred
            print(name, "->", v if name != "starred" else type(v).__name__)
        except TypeError as e:
            print(name, "TypeError", e)


# A generator function as getter.
class Gen:
    @property
    def items(self):
        yield 1
        yield 2


g = Gen()
for i in range(3):
    print(list(g.items))


# Recursion through a property hits the recursion limit cleanly.
class Deep:
    @property
    def down(self):
        return self.down


try:
    Deep().down
except RecursionError as e:
    print("RecursionError", e)


# The getter replaced in the middle of a loop; the class changed too.
class Swap:
    @property
    def v(self):
        return "first"


s = Swap()
seen = []
for i in range(6):
    seen.append(s.v)
    if i == 2:
        Swap.v = property(lambda self: "second")
    if i == 4:
        Swap.v = Swap.v.getter(lambda self: "third")
print(seen)


# A subclass instance, an instance attribute of the same name (the data
# descriptor still wins), a setter-less property stored to.
class Sub(Point):
    pass


q = Sub(10)
q.__dict__["double"] = "shadow"
print([q.double for _ in range(3)])
try:
    q.double = 5
except AttributeError as e:
    print("AttributeError", e)


# A method load of a property (o.p()) and a property used from a method.
class Calls:
    @property
    def f(self):
        return lambda: "called"

    def use(self):
        return self.f()


c = Calls()
print([c.f() for _ in range(3)], c.use())


# A getter that is not a function.
class NotFunc:
    size = property(len)

    def __len__(self):
        return 7


print([NotFunc().size for _ in range(3)])

# Reference counts are unchanged by the load.
before = sys.getrefcount(p)
for i in range(10):
    p.double
print("refcount delta", sys.getrefcount(p) - before)

# Finally an uncaught error from a getter: the traceback shows both frames.
p.broken
