# `with` blocks and property getters whose Python frames the eval loop
# pushes itself: recursion limits, exceptions and tracebacks, frame
# chains, `__exit__` shapes, and getters that are not Python functions.
import sys


class Star:
    def __enter__(self):
        return "entered"

    def __exit__(self, *exc):
        print("exit", [type(x).__name__ for x in exc])
        return False


class Named:
    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        print("exit named", typ.__name__ if typ else None, val)
        return True  # suppresses


class Defaults:
    def __enter__(self, extra=1):
        return extra

    def __exit__(self, typ, val, tb=None, more=2):
        print("exit defaults", typ, more)


class Mixed:
    def __enter__(self, *a):
        return a

    def __exit__(self, a, *rest):
        print("exit mixed", a, len(rest))


for cm in [Star(), Named(), Defaults(), Mixed()]:
    with cm as v:
        print("body", v if not isinstance(v, Named) else "self")

with Named():
    raise ValueError("suppressed")
print("after suppressed")

try:
    with Star():
        raise KeyError("passes")
except KeyError as e:
    print("caught", repr(e))


# Exceptions raised inside __enter__ and __exit__, with their tracebacks.
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *a):
        print("never")


class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise LookupError("exit failed")


for cm in [BadEnter(), BadExit()]:
    try:
        with cm:
            print("inside")
    except Exception as e:
        print(type(e).__name__, e)
        names = []
        tb = e.__traceback__
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print(names)


# Recursion limit hit through `with` blocks.
class Recurse:
    def __enter__(self):
        with Recurse():
            pass

    def __exit__(self, *a):
        return None


try:
    with Recurse():
        pass
except RecursionError as e:
    print("RecursionError:", e)


class RecurseExit:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        with RecurseExit():
            pass


try:
    with RecurseExit():
        pass
except RecursionError as e:
    print("RecursionError:", e)


# Property getters.
class P:
    def __init__(self):
        self.n = 0

    @property
    def value(self):
        self.n += 1
        return self.n

    @property
    def caller(self):
        return sys._getframe(1).f_code.co_name

    @property
    def chain(self):
        f = sys._getframe(0)
        names = []
        while f is not None and len(names) < 3:
            names.append(f.f_code.co_name)
            f = f.f_back
        return names

    @property
    def broken(self):
        return self.missing_attribute

    @property
    def deep(self):
        return self.deep

    builtin = property(len)
    with_default = property(lambda self, extra=3: extra)
    star_getter = property(lambda *a: len(a))


class P2(list):
    builtin = property(len)


def reader(o):
    return o.caller


p = P()
print(p.value, p.value, p.value)
print(reader(p))
print(p.chain)
print(p.with_default, p.star_getter)
print(P2([1, 2, 3]).builtin)
try:
    p.builtin
except TypeError as e:
    print("TypeError:", e)

try:
    p.broken
except AttributeError as e:
    print("AttributeError:", e)
    names = []
    tb = e.__traceback__
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)

try:
    p.deep
except RecursionError as e:
    print("RecursionError:", e)


# A class-level attribute that is a descriptor class of its own (not a
# property) and a property subclass.
class Desc:
    def __get__(self, obj, owner=None):
        return ("desc", obj is not None)


class MyProperty(property):
    pass


class Q:
    d = Desc()

    @MyProperty
    def mp(self):
        return "my property"


q = Q()
for i in range(3):
    print(q.d, Q.d, q.mp)

# The getter replaced on the class between loads.
class R:
    @property
    def x(self):
        return 1


r = R()
out = []
for i in range(4):
    out.append(r.x)
    if i == 1:
        R.x = property(lambda self: 2)
print(out)

# Uncaught: the traceback through a getter called inside a `with`.
class Last:
    @property
    def boom(self):
        return 1 / 0


with Star():
    Last().boom
