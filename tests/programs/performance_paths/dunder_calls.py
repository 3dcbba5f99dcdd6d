"""Dunders called from native code (binary operators, comparisons, hash,
len, getitem, iteration, key functions, bound methods through builtins):
the direct path for plain Python functions and every shape that must
leave it (reflected operators, non-function dunders, defaults, *args,
replacement after first use, errors, recursion)."""

import sys


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x)
        return NotImplemented

    def __radd__(self, other):
        return V(other + self.x)

    def __eq__(self, other):
        return isinstance(other, V) and self.x == other.x

    def __hash__(self):
        return hash(self.x)

    def __repr__(self):
        return f"V({self.x})"


print("plain", V(1) + V(2), V(1) == V(1), V(1) == V(2), {V(3): "x"}[V(3)])
print("reflected", 5 + V(1), sum([V(1), V(2)], V(0)))


class Left:
    def __add__(self, other):
        return NotImplemented

    def __repr__(self):
        return "Left()"


class Right:
    def __radd__(self, other):
        return ("radd", type(other).__name__)


print("left NotImplemented", Left() + Right())
try:
    Left() + Left()
except TypeError as e:
    print("TypeError", e)


class Base:
    def __add__(self, other):
        return "Base.__add__"

    def __radd__(self, other):
        return "Base.__radd__"


class Derived(Base):
    def __radd__(self, other):
        return "Derived.__radd__"


class DerivedSame(Base):
    pass


print("subclass first", Base() + Derived(), Derived() + Base(), Base() + DerivedSame())


class Static:
    @staticmethod
    def __add__(other):
        return ("static", other)

    __mul__ = classmethod(lambda cls, other: ("classmethod", cls.__name__, other))


print("staticmethod", Static() + 1, Static() * 2)


class Callable:
    def __call__(self, *args):
        return ("called", len(args))


class WithCallableDunder:
    __add__ = Callable()
    __eq__ = Callable()


print("callable object", WithCallableDunder() + 1, WithCallableDunder() == 2)


class IntLike(int):
    __add__ = int.__sub__


print("builtin method", IntLike(5) + 3)


class NoAdd:
    __add__ = None

    def __radd__(self, other):
        return "radd"


try:
    NoAdd() + 1
except TypeError as e:
    print("None dunder", e)
print("None dunder reflected", 1 + NoAdd())


class Defaults:
    def __add__(self, other, extra=10):
        return other + extra

    def __eq__(self, other, *rest):
        return ("eq", other, rest)

    def __getitem__(self, key, *, scale=2):
        return key * scale

    def __len__(self, *args):
        return 3 + len(args)


d = Defaults()
print("defaults", d + 1, d == 2, d[4], len(d))


class Replaced:
    def __add__(self, other):
        return "first"


r = Replaced()
print("replace", r + 1)
Replaced.__add__ = lambda self, other: "second"
print("replace", r + 1)
Replaced.__add__ = staticmethod(lambda other: "third")
print("replace", r + 1)
del Replaced.__add__
try:
    r + 1
except TypeError as e:
    print("replace", e)


class NonBool:
    def __eq__(self, other):
        return "yes"

    def __lt__(self, other):
        return [1]


print("non-bool", NonBool() == 1, NonBool() != 1, NonBool() < 2, [NonBool()] == [1])
print("sorted non-bool", len(sorted([NonBool(), NonBool()])))


class Seq:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i

    def __iter__(self):
        return Counter(self.n)


class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


print("protocols", len(Seq(4)), Seq(4)[3], list(Seq(3)), sum(Seq(4)), 2 in Seq(3))


class Key:
    def __init__(self, offset=0):
        self.offset = offset

    def key(self, x, sign=-1):
        return sign * x + self.offset


print("key functions", sorted([1, 3, 2], key=Key().key), min([1, 3, 2], key=Key(1).key))
print("map", list(map(Key(5).key, [1, 2])), list(map(Key().key, [1, 2], [1, 1])))


class Raises:
    def __add__(self, other):
        raise ValueError("inside __add__")

    def __eq__(self, other):
        return 1 / 0


for op in (lambda: Raises() + 1, lambda: Raises() == 1):
    try:
        op()
    except Exception as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("error", type(e).__name__, e, names)


class Deep:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        return self if self.n == 0 else Deep(self.n - 1) + other

    def __eq__(self, other):
        return Deep(0) == other

    def __hash__(self):
        return hash(Deep(0))


sys.setrecursionlimit(200)
print("deep ok", (Deep(50) + 1).n)
for name, op in (
    ("add", lambda: Deep(10**6) + 1),
    ("eq", lambda: Deep(1) == 1),
    ("hash", lambda: hash(Deep(1))),
):
    try:
        op()
    except RecursionError as e:
        print("recursion", name, e)
sys.setrecursionlimit(1000)


class InitKw:
    def __init__(self, a, b=2, *, c=3):
        self.t = (a, b, c)


print("init", InitKw(1).t, InitKw(1, c=5).t, InitKw(b=0, a=1).t)
try:
    InitKw()
except TypeError as e:
    print("init", e)
try:
    V(1) + V(2) + Raises()
except TypeError as e:
    print("no reflected", e)


class Bad:
    def __add__(self):
        return 1


try:
    Bad() + 1
except TypeError as e:
    print("arity", e)

Raises() + 1
