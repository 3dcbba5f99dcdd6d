# Class creation: metaclass keywords, __prepare__, __init_subclass__,
# __set_name__, __class_getitem__, __mro_entries__ and type.__new__ errors.
class Field:
    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__
    def __get__(self, obj, objtype=None):
        return self if obj is None else obj.__dict__.get(self.name, "unset")

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        ns = {"prepared_with": sorted(kw)}
        return ns
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        cls.kw = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

class Model(metaclass=Meta, table="users", strict=True):
    name = Field()
    age = Field()
print(Model.kw, Model.prepared_with, Model.name.name, Model.age.owner, Model().name)
print(type(Model).__name__, Model.__class__.__mro__[1].__name__)

class Registry:
    subclasses = []
    def __init_subclass__(cls, /, tag="none", **kw):
        super().__init_subclass__(**kw)
        Registry.subclasses.append((cls.__name__, tag))
class A(Registry, tag="a"): pass
class B(A): pass
print(Registry.subclasses)

class Boom:
    def __set_name__(self, owner, name):
        raise RuntimeError("no names")
try:
    class Holder:
        thing = Boom()
except RuntimeError as e:
    print(type(e).__name__, e, e.__notes__)

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"
print(Box[int], Box[str])

class Proxy:
    def __mro_entries__(self, bases):
        return (Registry,)
class Derived(Proxy()):
    pass
print(Derived.__bases__, Derived.__orig_bases__[0].__class__.__name__)

class M1(type): pass
class M2(type): pass
class X(metaclass=M1): pass
class Y(metaclass=M2): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print(type(e).__name__, e)
for args in [("A",), ("A", [], {}), (1, (), {}), ("A", (), [])]:
    try:
        type.__new__(type, *args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    type("Q", (), {"__qualname__": 1})
except TypeError as e:
    print(type(e).__name__, e)
try:
    class NoBase(bool): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Dup(A, A): pass
except TypeError as e:
    print(type(e).__name__, e)
class O1: pass
class O2(O1): pass
try:
    class Order(O1, O2): pass
except TypeError as e:
    print(type(e).__name__, e)
