# __new__ versus __init__: order, returning other types, immutable subclasses.
class Traced:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, *args):
        print("__init__", args)

Traced(1, 2)

class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper("hello")
print(u, type(u).__name__, isinstance(u, str), u + "!")

class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(Other())

class Pos(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls, v)
print(Pos(5) + 1, type(Pos(5)).__name__)
try:
    Pos(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    object.__new__(5)
except TypeError as e:
    print(type(e).__name__, e)
