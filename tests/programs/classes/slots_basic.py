# __slots__: no __dict__, AttributeError messages, inheritance.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, "__dict__"))
del p.x
try:
    p.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del p.x
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Point.x).__name__)

class Point3(Point):
    __slots__ = ("z",)
q = Point3(1, 2)
q.z = 3
print(q.x, q.y, q.z)

class Loose(Point):
    pass
l = Loose(1, 2)
l.extra = "ok"
print(l.__dict__)
try:
    class Clash:
        __slots__ = ("a",)
        a = 5
except ValueError as e:
    print(type(e).__name__, e)
