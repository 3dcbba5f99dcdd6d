# Dunders called from native code (a + b, a == b, len(), iteration) are
# remembered per class while its version tag holds; a Python function called
# from native code gets its arguments written straight into its frame; a
# closure's cells are copied into the frame on the fast path. Each guard is
# exercised: reassigned and deleted dunders, subclasses, inherited dunders,
# defaults, wrong argument counts, exceptions raised inside, keyword-only
# parameters and *args.


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return V(self.x + other.x)

    def __eq__(self, other):
        return isinstance(other, V) and self.x == other.x

    def __len__(self):
        return self.x

    def __repr__(self):
        return f"V({self.x})"


a, b = V(1), V(2)
for _ in range(3):
    print(a + b, a == b, a == V(1), len(b))

# The class's dunder replaced after the sites warmed up.
V.__add__ = lambda self, other: "replaced add"
print(a + b)
V.__eq__ = lambda self, other: "replaced eq"
print(a == b)


# A dunder deleted: the operation now fails with CPython's message.
class W:
    def __add__(self, other):
        return "W.add"


w = W()
for _ in range(3):
    print(w + 1)
del W.__add__
try:
    w + 1
except TypeError as e:
    print("TypeError:", e)


# Inherited dunder, then the subclass defines its own, then the base changes.
class Base:
    def __sub__(self, other):
        return "Base.sub"


class Sub(Base):
    pass


s = Sub()
for _ in range(3):
    print(s - 1)
Sub.__sub__ = lambda self, other: "Sub.sub"
print(s - 1, Base() - 1)
del Sub.__sub__
Base.__sub__ = lambda self, other: "Base.sub again"
print(s - 1)


# A subclass on the right overriding the reflected dunder goes first.
class L:
    def __mul__(self, other):
        return "L.mul"

    def __rmul__(self, other):
        return "L.rmul"


class R(L):
    def __rmul__(self, other):
        return "R.rmul"


for _ in range(2):
    print(L() * R(), R() * L(), L() * L())


# Dunders with defaults, *args, keyword-only parameters, wrong arity.
class D:
    def __add__(self, other, extra=10):
        return ("default", extra)

    def __sub__(self, *rest):
        return ("varargs", len(rest))

    def __mul__(self, other, *, k=3):
        return ("kwonly", k)

    def __truediv__(self):
        return "never"


d = D()
for _ in range(2):
    print(d + 1, d - 1, d * 1)
try:
    d / 1
except TypeError as e:
    print("TypeError:", e)


# A dunder raising.
class Boom:
    def __eq__(self, other):
        raise ValueError("boom in __eq__")

    def __len__(self):
        return -1


for _ in range(2):
    try:
        Boom() == 1
    except ValueError as e:
        print("ValueError:", e)
    try:
        len(Boom())
    except ValueError as e:
        print("ValueError:", e)


# Many dunders on one class (more than one entry of the class's cache).
class Many:
    def __add__(self, o):
        return "add"

    def __sub__(self, o):
        return "sub"

    def __mul__(self, o):
        return "mul"

    def __lt__(self, o):
        return "lt"

    def __gt__(self, o):
        return "gt"

    def __eq__(self, o):
        return "eq"

    def __ne__(self, o):
        return "ne"

    def __and__(self, o):
        return "and"

    def __or__(self, o):
        return "or"


m = Many()
for _ in range(3):
    print(m + 1, m - 1, m * 1, m < 1, m > 1, m == 1, m != 1, m & 1, m | 1)
Many.__or__ = lambda self, o: "or replaced"
print(m | 1, m & 1)


# Key functions called from native code: defaults, wrong arity, raising.
def key_default(x, scale=-1):
    return x * scale


def key_two(x, y):
    return x


def key_raise(x):
    raise KeyError(x)


print(sorted([3, 1, 2], key=key_default))
print(min([3, 1, 2], key=key_default), max([3, 1, 2], key=key_default))
try:
    sorted([3, 1], key=key_two)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([3, 1], key=key_raise)
except KeyError as e:
    print("KeyError:", e)
print(sorted([3, 1, 2], key=lambda *a: -a[0]))


def key_kwonly(x, *, k=2):
    return -x * k


print(sorted([3, 1, 2], key=key_kwonly))


# Closures: one and several free variables, nested, cells rebound.
def outer():
    z = 1

    def h():
        return z

    results = [h() for _ in range(3)]
    z = 5
    results.append(h())
    return results


print(outer())


def several():
    a, b, c = 1, 2, 3

    def g(x):
        return a + b + c + x

    return [g(i) for i in range(3)]


print(several())


def nested():
    x = "x"

    def mid():
        y = "y"

        def inner():
            return x + y

        return inner()

    return [mid() for _ in range(2)]


print(nested())


def unbound():
    def h():
        return later

    try:
        h()
    except NameError as e:
        print(type(e).__name__, e)
    later = 1
    return h()


print(unbound())


# A closure's __closure__ cells shared and changed through nonlocal.
def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n

    return inc


inc = counter()
print([inc() for _ in range(4)], inc.__closure__[0].cell_contents)
