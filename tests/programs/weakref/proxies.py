# weakref.proxy: forwarding of attributes, operators, items, iteration and
# calls; the two proxy types; ReferenceError once the referent is gone.
import weakref


class Box:
    def __init__(self, value):
        self.value = value

    def __add__(self, other):
        return Box(self.value + (other.value if isinstance(other, Box) else other))

    def __radd__(self, other):
        return Box(other + self.value)

    def __iadd__(self, other):
        self.value += other
        return self

    def __neg__(self):
        return Box(-self.value)

    def __eq__(self, other):
        return isinstance(other, Box) and self.value == other.value

    def __lt__(self, other):
        return self.value < other.value

    __hash__ = object.__hash__

    def __len__(self):
        return self.value

    def __getitem__(self, i):
        return i * 10

    def __setitem__(self, key, value):
        print("setitem", key, value)

    def __delitem__(self, key):
        print("delitem", key)

    def __contains__(self, item):
        return item == self.value

    def __iter__(self):
        return iter(range(self.value))

    def __bool__(self):
        return self.value != 0

    def __str__(self):
        return f"Box({self.value})"

    def __int__(self):
        return self.value

    def __float__(self):
        return float(self.value)

    def __index__(self):
        return self.value

    def double(self):
        return self.value * 2


b = Box(3)
p = weakref.proxy(b)
print(type(p).__name__, type(p) is weakref.ProxyType)
print(p.value, p.double(), len(p), p[4], 3 in p, 4 in p, list(p), bool(p))
print(str(p), (p + 1).value, (1 + p).value, (-p).value)
print(p == b, p == Box(3), p < Box(4), p.__class__ is Box, isinstance(p, Box))
print(int(p), float(p), [0, 1, 2, 3, 4][p])
p[1] = 2
del p[1]
p.value = 5
print(b.value)
p.extra = "x"
print(b.extra)
del p.extra
print(hasattr(b, "extra"))
p2 = p
p2 += 1
print(b.value, type(p2).__name__)
print(weakref.proxy(b) is p, weakref.getweakrefcount(b))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
try:
    next(p)
except TypeError as e:
    print("TypeError:", e)

# Callable referents get a callable proxy.
def add(x, y=1):
    return x + y


q = weakref.proxy(add)
print(type(q).__name__, type(q) is weakref.CallableProxyType, q(2), q(2, y=5), q.__name__)

# A proxy with a callback is a new object; the callback gets the proxy.
got = []
c = Box(1)
pc = weakref.proxy(c, got.append)
print(pc is weakref.proxy(c), weakref.getweakrefcount(c))
del c
print(got[0] is pc)

# Cannot be made directly.
other = Box(0)
try:
    weakref.ProxyType(other)
except TypeError as e:
    print("TypeError:", e)
for make in (
    lambda: weakref.proxy(3),
    lambda: weakref.proxy(),
    lambda: weakref.proxy(other, None, 3),
    lambda: weakref.proxy(other, callback=None),
):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)

# Once the referent is gone, everything raises ReferenceError.
del b
for action in (
    lambda: p.value,
    lambda: len(p),
    lambda: p + 1,
    lambda: str(p),
    lambda: bool(p),
    lambda: p[0],
    lambda: 1 in p,
):
    try:
        action()
    except ReferenceError as e:
        print("ReferenceError:", e)
print(repr(p).split(" at ")[0], "; to 'Box' at" in repr(p))
del p2
print(repr(p).split(" at ")[0], repr(p).endswith("; dead>"))
p.value
