# Property loads through the attribute cache: the getter is called on
# every hit, a data descriptor wins over the instance dict, and changes to
# the class or the property invalidate what the site remembered.


class P:
    def __init__(self):
        self.x = 5
        self.calls = 0

    @property
    def p(self):
        self.calls += 1
        return self.x * 2

    @property
    def failing(self):
        raise AttributeError("getter failed")

    nogetter = property(None, lambda self, v: None)
    builtin_getter = property(len)


o = P()
print([o.p for _ in range(4)], o.calls)

# The instance dict does not shadow a data descriptor.
o.__dict__["p"] = 99
print([o.p for _ in range(3)], o.__dict__["p"])

for _ in range(3):
    try:
        o.failing
    except AttributeError as e:
        print("AttributeError:", e)

for _ in range(3):
    try:
        o.nogetter
    except AttributeError as e:
        print("AttributeError:", e)


class L(list):
    size = property(len)


lst = L([1, 2, 3])
print([lst.size for _ in range(3)])

# Replacing the property, then with a plain value, on the class.
def read(obj):
    return obj.p


print([read(o) for _ in range(3)])
P.p = property(lambda self: "replaced")
print([read(o) for _ in range(3)])
P.p = 7
print([read(o) for _ in range(3)])
del P.p
print([read(o) for _ in range(3)])


# A subclass, a property on a base, a polymorphic site.
class Base:
    @property
    def kind(self):
        return type(self).__name__


class Sub(Base):
    pass


class Other:
    kind = "plain"


print([x.kind for x in [Base(), Sub(), Other(), Base(), Sub()] * 2])


# A property subclass with its own __get__ is not a plain property.
class loud(property):
    def __get__(self, obj, owner=None):
        return "loud:" + str(self.fget(obj))


class H:
    @loud
    def v(self):
        return 1


h = H()
print([h.v for _ in range(3)])


# __getattr__ runs when the getter raises AttributeError.
class G:
    @property
    def q(self):
        raise AttributeError("q")

    def __getattr__(self, name):
        return "fallback:" + name


g = G()
print([g.q for _ in range(3)])


# A method load of a property calls its result.
class M:
    @property
    def f(self):
        return lambda: "called"


m = M()
print([m.f() for _ in range(3)])

# Uncaught: the getter's error with its traceback.
class Boom:
    @property
    def bad(self):
        return 1 / 0


b = Boom()
for _ in range(3):
    try:
        b.bad
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
b.bad
