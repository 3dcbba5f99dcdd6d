# Method loads cached at one site must follow every change to the class,
# its bases, the instance and the instance's class.


class Base:
    def greet(self):
        return "Base.greet"


class Child(Base):
    pass


def call_greet(obj):
    # One call site: its cache sees all the changes below.
    return obj.greet()


c = Child()
print(call_greet(c), call_greet(c))

# A class attribute reassigned after the method was cached.
Base.greet = lambda self: "Base.greet v2"
print(call_greet(c))

# The subclass overrides after the site cached the base's method.
def child_greet(self):
    return "Child.greet"


Child.greet = child_greet
print(call_greet(c))
del Child.greet
print(call_greet(c))

# The instance shadows the method.
c.greet = lambda: "instance greet"
print(call_greet(c))
del c.greet
print(call_greet(c))

# An instance of an unrelated class with the same method name.
class Other:
    def greet(self):
        return "Other.greet"


print(call_greet(Other()))
print(call_greet(c))

# A base of a base is modified (deep invalidation).
class GrandChild(Child):
    pass


g = GrandChild()
print(call_greet(g))
Base.greet = lambda self: "Base.greet v3"
print(call_greet(g))

# Multiple inheritance: a second base gains the method first in the MRO.
class Left:
    pass


class Right:
    def greet(self):
        return "Right.greet"


class Both(Left, Right):
    pass


b = Both()
print(call_greet(b))
Left.greet = lambda self: "Left.greet"
print(call_greet(b))
del Left.greet
print(call_greet(b))

# The method is deleted everywhere.
del Right.greet
try:
    call_greet(b)
except AttributeError as e:
    print("AttributeError:", e)

# Builtin methods at the same site (many shapes).
class WithList(list):
    def greet(self):
        return "WithList.greet %d" % len(self)


for obj in [c, g, Other(), WithList([1, 2]), c]:
    print(call_greet(obj))

# A staticmethod and a classmethod replacing the function.
Base.greet = staticmethod(lambda: "static greet")
print(call_greet(c))
Base.greet = classmethod(lambda cls: "class greet " + cls.__name__)
print(call_greet(c))

# A method descriptor of a builtin type, then a subclass override.
def append_one(seq):
    seq.append(1)
    return seq


print(append_one([]))


class LoudList(list):
    def append(self, x):
        list.append(self, x * 10)


print(append_one(LoudList()))
print(append_one([]))

# __getattr__ and __getattribute__ added later.
class Lazy:
    def method(self):
        return "Lazy.method"


def call_method(o):
    return o.method()


lz = Lazy()
print(call_method(lz))
Lazy.__getattribute__ = lambda self, name: (lambda: "intercepted " + name)
print(call_method(lz))
del Lazy.__getattribute__
print(call_method(lz))
del Lazy.method
Lazy.__getattr__ = lambda self, name: (lambda: "fallback " + name)
print(call_method(lz))

# A metaclass: methods on classes take the slow path.
class Meta(type):
    def method(cls):
        return "Meta.method"


class WithMeta(metaclass=Meta):
    pass


print(call_method(WithMeta))
Meta.method = lambda cls: "Meta.method v2"
print(call_method(WithMeta))

# The last call fails with a traceback.
del Base.greet
call_greet(c)
