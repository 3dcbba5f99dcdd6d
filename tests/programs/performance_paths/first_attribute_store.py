# The cached STORE_ATTR path that gives a fresh instance its attribute
# values (the first `self.x = ...` after the site has seen the class), and
# where its guards fail: a dict-mode instance, instances of two classes at
# one site, keys added later, slots, deletion and re-adding, order.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


points = [Point(i, i * 2.5) for i in range(5)]
print([(p.x, p.y) for p in points])
print(vars(points[3]))

# A later instance adds a key the earlier ones lack; the earlier ones then
# grow when they set it through the same site.
def add_z(p, value):
    p.z = value


for i, p in enumerate(points):
    if i % 2:
        add_z(p, -i)
print([vars(p) for p in points])
fresh = Point(10, 20)
add_z(fresh, 30)
print(vars(fresh), list(fresh.__dict__))

# Insertion order is the instance's own, not the class's key order.
class Bag:
    def fill(self, order):
        for name in order:
            if name == "a":
                self.a = 1
            elif name == "b":
                self.b = 2
            else:
                self.c = 3


for order in ("abc", "cba", "bca", "cab"):
    bag = Bag()
    bag.fill(order)
    print(order, list(vars(bag)), vars(bag))

# Dict mode: once `__dict__` is taken the cached slot store falls back.
p = Point(1, 2)
d = p.__dict__
for i in range(3):
    p.x = i
print(d, p.x)
q = Point(3, 4)
q.__dict__ = {"y": "kept"}
q2 = Point(5, 6)
print(vars(q), vars(q2))

# Deleting and storing again keeps the order rule.
r = Point(7, 8)
del r.x
print(vars(r))
r.x = 9
print(vars(r), list(r.__dict__))
try:
    del r.nothing
except AttributeError as e:
    print("AttributeError:", e)


# Two classes whose instances meet at one site (the cached keys are the
# other class's half the time).
class Other:
    def __init__(self):
        self.y = "other"


def set_y(o, v):
    o.y = v


for i in range(4):
    o = Point(i, i) if i % 2 else Other()
    set_y(o, i * 10)
    print(type(o).__name__, vars(o))


# A class with many attributes (more than one growth step).
class Wide:
    def __init__(self):
        self.a0 = 0; self.a1 = 1; self.a2 = 2; self.a3 = 3; self.a4 = 4
        self.a5 = 5; self.a6 = 6; self.a7 = 7; self.a8 = 8; self.a9 = 9
        self.a10 = 10; self.a11 = 11; self.a12 = 12


ws = [Wide() for _ in range(3)]
print(vars(ws[2]))


# Slots and a dict together; a subclass of a builtin type.
class Slotted:
    __slots__ = ("s", "__dict__")

    def __init__(self):
        self.s = "slot"
        self.d = "dict"


for _ in range(3):
    o = Slotted()
print(o.s, vars(o))


class MyList(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.tag = "t"


for _ in range(3):
    m = MyList([1, 2])
print(m, m.tag, vars(m))


# A finalizer and weak references on an instance made by the fast path.
import weakref


class Dying:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


for i in range(3):
    Dying(i)
w = Dying("weak")
ref = weakref.ref(w, lambda r: print("callback", r() is None))
del w
print("ref dead:", ref() is None)


# Setting an attribute on an instance whose values hold the old value.
class Holder:
    def __init__(self, v):
        self.v = v


h = Holder(Dying("old"))
h.v = "new"
print(h.v)
Point(1, 2).missing
