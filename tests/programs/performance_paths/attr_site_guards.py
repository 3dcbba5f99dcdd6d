# Attribute load/store sites whose cached answer must be given up: a data
# descriptor added to the class after the site specialized, __slots__ with
# __dict__, a replaced or materialized __dict__,
# deleted attributes, methods replaced between loads, subclass instances
# at the same site, globals rebound and deleted, and names of every length
# looked up on types (the type attribute cache's hash).


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


def read_x(o):
    return o.x


def write_x(o, v):
    o.x = v


def call_norm(o):
    return o.norm()


p = Point(1, 2)
for i in range(5):
    write_x(p, i)
    print("load", read_x(p), call_norm(p))


# A data descriptor added after the sites specialized wins over the instance.
class Loud:
    def __get__(self, obj, owner):
        return "descriptor"

    def __set__(self, obj, value):
        print("descriptor set", value)


Point.x = Loud()
write_x(p, 99)
print("after descriptor", read_x(p), p.__dict__)
del Point.x
print("descriptor removed", read_x(p))
write_x(p, 7)
print("store after removal", read_x(p))

# A property added later, then a method replaced between loads.
Point.norm = lambda self: "replaced"
print("replaced method", call_norm(p))
Point.norm = property(lambda self: lambda: "property method")
print("property method", call_norm(p))
del Point.norm
try:
    call_norm(p)
except AttributeError as e:
    print("AttributeError:", e)


# __slots__ together with __dict__.
class Both:
    __slots__ = ("x", "__dict__")

    def __init__(self):
        self.x = 1
        self.y = 2


b = Both()
for i in range(3):
    write_x(b, i * 10)
    print("slots+dict", read_x(b), b.y, b.__dict__)
del b.x
try:
    read_x(b)
except AttributeError as e:
    print("AttributeError:", e)
write_x(b, 5)
print("slot again", read_x(b), b.__dict__)


# Instances whose __dict__ was replaced or turned into a real dict.
q = Point(3, 4)
for i in range(3):
    write_x(q, i)
vars(q)["x"] = "via vars"
print("vars mutation", read_x(q))
write_x(q, "after vars")
print("store after vars", read_x(q), vars(q))
q.__dict__ = {"x": "fresh dict", "y": 0}
print("replaced dict", read_x(q), call_norm(q) if hasattr(Point, "norm") else None)
write_x(q, "stored into fresh dict")
print(q.__dict__)
q.__dict__ = {}
try:
    read_x(q)
except AttributeError as e:
    print("AttributeError:", e)
write_x(q, 1)
print("empty dict then store", q.__dict__)


# Deleted attributes.
r = Point(5, 6)
for i in range(3):
    read_x(r)
del r.x
try:
    read_x(r)
except AttributeError as e:
    print("AttributeError:", e)
write_x(r, "back")
print("restored", read_x(r), r.__dict__)


# (__class__ assignment is not supported by krait yet: not tested here.)
Point.norm = lambda self: self.x + self.y


# Subclass instances at the same site, with and without shadowing.
class Sub(Point):
    pass


class SubShadow(Point):
    @property
    def x(self):
        return "shadowing property"


class SubSlots(Point):
    __slots__ = ()


for o in [Point(1, 0), Sub(2, 0), SubShadow.__new__(SubShadow), SubSlots(3, 0)]:
    try:
        write_x(o, 8)
    except AttributeError as e:
        print("AttributeError:", e)
    print(type(o).__name__, read_x(o))

# A method shadowed by an instance attribute after the site cached it.
t = Point(0, 0)
for i in range(3):
    call_norm(t)
t.norm = lambda: "instance attribute"
print("shadowed method", call_norm(t))
del t.norm
print("unshadowed", call_norm(t))


# Slots-only classes.
class Slotted:
    __slots__ = ("x",)


u = Slotted()
for i in range(3):
    write_x(u, i)
    print("slot", read_x(u))
del u.x
try:
    read_x(u)
except AttributeError as e:
    print("AttributeError:", e)
Slotted.x = "class attribute replaces the member"
print("member replaced", read_x(u))
try:
    write_x(u, 1)
except AttributeError as e:
    print("AttributeError:", e)

# Globals: rebound, deleted, shadowing a builtin.
counter = 0


def read_counter():
    return counter


def read_len():
    return len("abc")


for i in range(3):
    counter = i
    print("global", read_counter(), read_len())
len = lambda s: "shadowed len"
print("builtin shadowed", read_len())
del len
print("builtin again", read_len())
del counter
try:
    read_counter()
except NameError as e:
    print("NameError:", e)


# Type lookups by names of every length (1 to 20 characters).
class Many:
    pass


for n in range(1, 21):
    setattr(Many, "a" * n, n)
m = Many()
print([getattr(m, "a" * n) for n in range(1, 21)])
for n in range(1, 21, 3):
    delattr(Many, "a" * n)
print([getattr(m, "a" * n, None) for n in range(1, 21)])


# Dunders looked up by native code, changed between uses.
class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + other.v)

    def __repr__(self):
        return f"Num({self.v})"


print(Num(1) + Num(2))
Num.__add__ = lambda self, other: "new add"
print(Num(1) + Num(2))
Num.__repr__ = lambda self: "new repr"
print(repr(Num(0)))
del Num.__add__
try:
    Num(1) + Num(2)
except TypeError as e:
    print("TypeError:", e)

read_x(Point(1, 2).missing_attribute)
