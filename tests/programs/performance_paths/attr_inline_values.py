# Instances made with room for their class's attributes inside the object
# (inline values): later instances start with room for the keys earlier
# ones set, grow past it when they set more, keep their own insertion
# order, switch to a real dict for `__dict__`, take part in cycles, and
# classes with very many attribute names fall back to separate storage.
import gc
import weakref


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


first = Point(1, 2)
later = [Point(i, -i) for i in range(3)]
print([vars(p) for p in later])

# Growing past the room made for two keys, in another order.
p = Point(0, 0)
p.z = 3
p.w = 4
del p.x
p.x = 5
print(vars(p), p.x, p.y, p.z, p.w)
q = Point(7, 8)
print(vars(q))
q.w = 1
print(vars(q))

# `__dict__` after the values lived inline, then more stores.
d = Point(1, 1)
dd = d.__dict__
dd["extra"] = 2
d.x = 10
print(vars(d), d.extra)
d.__dict__ = {"only": 1}
print(vars(d), hasattr(d, "x"))


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("collected", self.name)


def make_cycle():
    a = Node("a")
    b = Node("b")
    a.other = b
    b.other = a
    return weakref.ref(a)


make_cycle()
r = make_cycle()
gc.collect()
print("alive:", r() is not None)


class Wide:
    pass


w = Wide()
for i in range(40):
    setattr(w, "a%d" % i, i)
w2 = Wide()
w2.a39 = "last"
w2.a0 = "first"
print(len(vars(w)), vars(w2))
for i in range(35):
    setattr(w2, "b%d" % i, i)
print(len(vars(w2)), list(vars(w2))[:4])


# A subclass with `__slots__` and a dict, its inline values after the slots.
class Mixed:
    __slots__ = ("s", "__dict__")

    def __init__(self):
        self.s = "slot"
        self.a = 1


m1 = Mixed()
m2 = Mixed()
m2.b = 2
print(m2.s, vars(m2), m1.s, vars(m1))
del m1, m2
print("end")
