# __slots__ values live inside the instance: set, read, delete, inherit,
# free, and take part in reference cycles the collector finds.
import gc
import weakref


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class Point4(Point):
    __slots__ = ("w",)


class Loose(Point):
    pass


p = Point(1.5, 2, "three")
print(p.x, p.y, p.z)
p.x += 1
p.y = p.y * 10
print(p.x, p.y, p.z)
del p.z
try:
    p.z
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.z
except AttributeError as e:
    print("AttributeError:", e)
p.z = None
print(p.z)
try:
    p.other = 1
except AttributeError as e:
    print("AttributeError:", e)

q = Point4(1, 2, 3)
try:
    q.w
except AttributeError as e:
    print("AttributeError:", e)
q.w = 4
print(q.x, q.y, q.z, q.w)
print(sorted(Point4.__slots__), hasattr(q, "__dict__"))

l = Loose(7, 8, 9)
l.extra = "e"
print(l.x, l.extra, vars(l))

# Descriptors on the class read and write the same storage.
Point.x.__set__(p, "via descriptor")
print(Point.x.__get__(p), p.x)
Point.y.__delete__(p)
print(hasattr(p, "y"))


# Values held in slots are released when the instance dies.
class Tracked:
    pass


t = Tracked()
r = weakref.ref(t)
holder = Point(t, t, t)
del t
print(r() is not None)
del holder
print(r() is None)

# Overwriting a slot releases the old value at once.
t = Tracked()
r = weakref.ref(t)
holder = Point(t, 0, 0)
del t
holder.x = 1
print(r() is None)


# A cycle through slots is found by the collector; __del__ runs.
class Node:
    __slots__ = ("next", "name", "__weakref__")

    def __init__(self, name):
        self.name = name
        self.next = None

    def __del__(self):
        print("del", self.name)


gc.collect()
a = Node("a")
b = Node("b")
a.next = b
b.next = a
wa = weakref.ref(a)
del a, b
print("collected", gc.collect() >= 2, wa() is None)

# A node referring to itself.
n = Node("self")
n.next = n
referents = gc.get_referents(n)
print(n in referents, Node in referents)
del n, referents
gc.collect()

# Many instances made and dropped.
points = [Point(i, i * 0.5, -i) for i in range(20000)]
print(len(points), points[-1].x, points[-1].y, points[-1].z)
total = 0.0
for pt in points:
    total += pt.y
print(total)
del points
print(gc.collect() >= 0)


# A subclass of a builtin type with slots.
class TaggedList(list):
    __slots__ = ("tag",)


tl = TaggedList([3, 1, 2])
tl.tag = "t"
tl.sort()
print(tl, tl.tag, type(tl).__name__)
tl.append(tl)
del tl
print(gc.collect() >= 1)

p = Point(0, 0, 0)
del p.x
print(p.x)
