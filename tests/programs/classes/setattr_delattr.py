# __setattr__ and __delattr__ hooks, including validation and immutability.
class Validated:
    def __setattr__(self, name, value):
        print("set", name, value)
        if name == "age" and value < 0:
            raise ValueError("age must be >= 0")
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        if name == "age":
            raise AttributeError("cannot delete age")
        super().__delattr__(name)

v = Validated()
v.age = 5
v.name = "x"
try:
    v.age = -1
except ValueError as e:
    print(type(e).__name__, e)
print(v.age)
try:
    del v.age
except AttributeError as e:
    print(type(e).__name__, e)
del v.name
print(sorted(vars(v)))

class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen")
f = Frozen(3)
print(f.x)
try:
    f.x = 4
except AttributeError as e:
    print(type(e).__name__, e)
