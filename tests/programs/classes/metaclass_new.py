# Metaclass __new__ and __init__ customising class creation.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kwargs):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")))
        ns["added"] = name.upper()
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kwargs):
        print("Meta.__init__", name, kwargs)
        super().__init__(name, bases, ns)

class Base(metaclass=Meta):
    x = 1
    def method(self):
        pass

class Child(Base, flag=True):
    y = 2

print(Base.added, Child.added)
print(type(Base).__name__, type(Child).__name__)
print(isinstance(Child, Meta), isinstance(Child, type))
Dyn = Meta("Dyn", (), {"z": 3})
print(Dyn.z, Dyn.added)
