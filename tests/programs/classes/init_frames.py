# Instantiation of classes with a Python __init__: arguments, defaults,
# keywords, errors raised inside __init__, a non-None return, recursion,
# subclass and metaclass variations, and tracebacks through __init__.
import sys


class Point:
    def __init__(self, x, y=0, *, label="p"):
        self.x = x
        self.y = y
        self.label = label


p = Point(1)
print(p.x, p.y, p.label)
p = Point(1, 2, label="q")
print(p.x, p.y, p.label)

try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, bad=3)
except TypeError as e:
    print("TypeError:", e)


class ReturnsValue:
    def __init__(self):
        return 42


try:
    ReturnsValue()
except TypeError as e:
    print("TypeError:", e)


class Raises:
    def __init__(self, n):
        if n:
            raise ValueError(f"bad {n}")
        self.n = n


try:
    Raises(3)
except ValueError as e:
    print("ValueError:", e)
print(Raises(0).n)


class Node:
    def __init__(self, depth):
        self.child = Node(depth - 1) if depth else None


n = Node(50)
count = 0
while n is not None:
    count += 1
    n = n.child
print("depth", count)


class Deep:
    def __init__(self):
        Deep()


try:
    Deep()
except RecursionError as e:
    print("RecursionError:", e)


class Base:
    def __init__(self, v):
        self.v = v * 2


class Child(Base):
    pass


class Child2(Base):
    def __init__(self, v):
        super().__init__(v + 1)


print(Child(5).v, Child2(5).v)


class WithNew:
    def __new__(cls, *args):
        print("new", args)
        return super().__new__(cls)

    def __init__(self, a):
        print("init", a)


WithNew(7)


class Meta(type):
    def __call__(cls, *args):
        print("meta call", args)
        return super().__call__(*args)


class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print(M(3).a)


class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print("TypeError:", e)


class Other:
    pass


class NewReturnsOther:
    def __new__(cls):
        return Other()

    def __init__(self):
        print("never")


print(type(NewReturnsOther()).__name__)
objs = [Point(i, i) for i in range(5)]
print(sum(o.x + o.y for o in objs))
print(sys.getrefcount(Point) > 1)


class Fails:
    def __init__(self):
        self.a = 1
        1 / 0


Fails()
