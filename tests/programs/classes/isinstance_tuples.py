# isinstance / issubclass with tuples, nested tuples, and union types.
class A: pass
class B(A): pass
class C: pass

print(isinstance(B(), (C, A)))
print(isinstance(C(), (A, B)))
print(isinstance(5, (str, (float, int))))
print(issubclass(B, (C, (A,))))
print(issubclass(bool, int), isinstance(True, int))
print(isinstance(3, int | str), isinstance(3.0, int | str))
print(issubclass(B, A | C))
print(isinstance(None, type(None)))
print(isinstance(A, type), isinstance(A(), type))
try:
    isinstance(3, 4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(3, int)
except TypeError as e:
    print(type(e).__name__, e)
print(issubclass(int, object), issubclass(type, object), isinstance(object, type))
