# Instance attribute loads and stores cached at one site must follow the
# instance layout, class attributes, descriptors and dict replacement.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def get_x(p):
    return p.x


def set_x(p, v):
    p.x = v


p = Point(1, 2)
q = Point(3, 4)
print(get_x(p), get_x(q))
set_x(p, 10)
print(get_x(p), get_x(q))

# Instances with a different attribute order share keys but not slots.
r = Point.__new__(Point)
r.y = 5
r.x = 6
print(get_x(r), r.y)

# Deleting an attribute: the cached slot is empty.
del p.x
try:
    get_x(p)
except AttributeError as e:
    print("AttributeError:", e)
set_x(p, 11)
print(get_x(p))

# A class attribute appears: the instance attribute still wins.
Point.x = "class x"
print(get_x(p))
del p.x
print(get_x(p))
del Point.x

# A property (data descriptor) added later beats the instance attribute.
set_x(q, 30)
Point.x = property(lambda self: "property x", lambda self, v: print("setter got", v))
print(get_x(q))
set_x(q, 31)
print(q.__dict__)
del Point.x
print(get_x(q))

# A non-data descriptor added later loses to the instance attribute.
class NonData:
    def __get__(self, obj, owner=None):
        return "nondata"


Point.x = NonData()
print(get_x(q))
del q.x
print(get_x(q))
del Point.x

# __dict__ replacement.
q.__dict__ = {"x": "from new dict", "y": 0}
print(get_x(q))
set_x(q, "stored in new dict")
print(q.__dict__)

# __dict__ asked for (dict mode), then updated directly.
s = Point(7, 8)
d = s.__dict__
d["x"] = "via dict"
print(get_x(s))
set_x(s, 70)
print(d)

# A base class gains a data descriptor after the subclass cached a slot.
class Base:
    pass


class Sub(Base):
    def __init__(self):
        self.x = "sub x"


t = Sub()
print(get_x(t))
Base.x = property(lambda self: "base property")
print(get_x(t))
del Base.x
print(get_x(t))

# __slots__ classes at the same sites.
class Slotted:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = "slot x"


sl = Slotted()
print(get_x(sl))
set_x(sl, "slot x2")
print(get_x(sl))
del sl.x
try:
    get_x(sl)
except AttributeError as e:
    print("AttributeError:", e)
try:
    sl.z = 1
except AttributeError as e:
    print("AttributeError:", e)
sl.x = "slot x3"

# Many shapes at one site.
class A:
    x = "A class attr"


class B:
    def __init__(self):
        self.x = "B inst"


class C:
    @property
    def x(self):
        return "C prop"


class D:
    def __getattr__(self, name):
        return "D getattr " + name


import types

ns = types.SimpleNamespace(x="ns")
for obj in [A(), B(), C(), D(), ns, Point(1, 2), sl, A(), B()] * 2:
    print(type(obj).__name__, get_x(obj))

# A class-level constant read through instances, then changed.
class Counter:
    step = 1

    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += self.step


k = Counter()
for i in range(3):
    k.bump()
Counter.step = 100
k.bump()
k.step = 1000
k.bump()
del k.step
k.bump()
print(k.n)

# __setattr__ added later: stores must go through it.
def set_n(o, v):
    o.n = v


set_n(k, 1)
Counter.__setattr__ = lambda self, name, value: print("setattr", name, value)
set_n(k, 2)
del Counter.__setattr__
set_n(k, 3)
print(k.n)

# Attribute of a module-level class object and a module.
import math


def get_pi(m):
    return m.pi


print(get_pi(math))
math.pi = 3
print(get_pi(math))

# The last access fails with a traceback.
del t.x
get_x(t)
