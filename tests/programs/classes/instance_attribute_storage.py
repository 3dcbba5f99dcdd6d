# Instance attributes kept in the class's shared-keys layout: many keys,
# keys set on later instances, deletion, __dict__, cycles, and
# dict tables growing and shrinking.
import gc


class Bag:
    pass


first = Bag()
for i in range(300):
    setattr(first, f"k{i}", i * i)
print(sum(getattr(first, f"k{i}") for i in range(300)), len(vars(first)))

second = Bag()
second.k0 = "first"
second.k299 = "last"
print(vars(second), hasattr(second, "k5"))
del second.k299
print(vars(second))
try:
    del second.k299
except AttributeError as e:
    print(e)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Other:
    pass


p = Point(1, 2)
p.z = 3
print(p.__dict__)
print(type(p).__name__, p.x, p.y, p.z)
p.w = 4
print(sorted(vars(p).items()))

points = [Point(i, -i) for i in range(1000)]
print(sum(q.x + q.y for q in points), points[500].__dict__)

# A cycle through instance attributes is collected.
a, b = Bag(), Bag()
a.other, b.other = b, a
del a, b
print(gc.collect() >= 2)


class Slotted:
    __slots__ = ("a", "b")


class Both(Slotted):
    pass


both = Both()
both.a = 1
both.c = 3
print(both.a, both.c, vars(both))

# Dicts growing past their tables and shrinking by deletion.
d = {}
for i in range(10_000):
    d[f"key{i}"] = i
for i in range(0, 10_000, 3):
    del d[f"key{i}"]
d.update({"x": 1, "y": 2})
print(len(d), list(d)[:3], list(d)[-3:], sum(v for k, v in d.items() if k.startswith("key")))
print({i: i for i in range(6)}, dict.fromkeys("abcdefg", 0))
p.missing
