# Creating classes dynamically with type(name, bases, dict).
def greet(self):
    return f"hi from {type(self).__name__} x={self.x}"

Base = type("Base", (), {"x": 1, "greet": greet})
Child = type("Child", (Base,), {"x": 2})
print(Base().greet(), Child().greet())
print(Child.__mro__[1].__name__, Child.__name__)
print(type(Child) is type)
try:
    type("Bad", (5,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("A", (), {}, 1)
except TypeError as e:
    print(type(e).__name__, e)
T = type("T", (), {"__repr__": lambda self: "T!"})
print(T())
print(type(1), type("s"), type(T()))
