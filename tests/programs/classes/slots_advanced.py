# __slots__: members, __dict__/__weakref__ in slots, inheritance, conflicts, errors.
class Base:
    __slots__ = ("a", "__private")
    def __init__(self):
        self.a = 1
        self.__private = 2
    def peek(self):
        return self.__private
b = Base()
print(b.a, b.peek(), sorted([k for k in Base.__dict__ if not k.startswith("__")]))
print(type(Base.__dict__["a"]).__name__, Base.a, Base._Base__private.__name__)
try:
    Base.a.__get__(5)
except TypeError as e:
    print(type(e).__name__, e)

class WithDict:
    __slots__ = ("x", "__dict__")
w = WithDict()
w.x = 1
w.y = 2
print(w.x, w.__dict__, "__weakref__" in WithDict.__dict__)

class Single:
    __slots__ = "only"
s = Single()
s.only = "yes"
print(s.only, Single.__slots__)

class Child(Base):
    pass
c = Child()
c.extra = 3
print(c.a, c.extra, c.__dict__)

class Empty:
    __slots__ = ()
try:
    Empty().z = 1
except AttributeError as e:
    print(type(e).__name__, e)

class Left:
    __slots__ = ("l",)
class Right:
    __slots__ = ("r",)
try:
    class Both(Left, Right):
        pass
except TypeError as e:
    print(type(e).__name__, e)

for bad in [(1,), ("not valid",), ("__dict__", "__dict__")]:
    try:
        class T:
            __slots__ = bad
    except TypeError as e:
        print(type(e).__name__, e)
try:
    class N(int):
        __slots__ = ("n",)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class D(WithDict):
        __slots__ = ("__dict__",)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Single().only
except AttributeError as e:
    print(type(e).__name__, e)
