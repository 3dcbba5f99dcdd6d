# type() with one argument and three arguments.
print(type(1), type("s"), type([]), type(None), type(type), type(len), type(lambda: 0))
print(type(1) is int, type(True) is bool, type(True) is not int)
class A:
    pass
print(type(A()), type(A), type(A()).__name__)
B = type("B", (A,), {"value": 5, "get": lambda self: self.value})
print(B, B.__bases__, B().get(), isinstance(B(), A))
print(type(B) is type, B.__name__, B.__qualname__, B.__module__)
C = type("C", (), {})
print(C.__bases__, C.__mro__)
try:
    type()
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", "not a tuple", {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", (), [])
except TypeError as e:
    print(type(e).__name__, e)
