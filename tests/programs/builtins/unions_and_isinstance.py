# X | Y unions of classes and their use in isinstance/issubclass.
u = int | str
print(u, int | None, None | int, int | int, (int | str) | float, int | (str | float))
print(u == (str | int), u == (int | float), hash(int | str) == hash(str | int), u.__args__)
print(isinstance(1, u), isinstance("s", u), isinstance(1.5, u), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str), isinstance(True, (str, int | None)))
for bad in (lambda: int | 1, lambda: 1 | int, lambda: None | None, lambda: "s" | int):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
for bad in (lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, 1)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
class A: pass
class B(A): pass
print(A | B, isinstance(B(), A | None), issubclass(B, (int, (str, A))), isinstance(B(), ()))
class Checker:
    def __instancecheck__(self, obj):
        return obj == 42
    def __subclasscheck__(self, cls):
        return cls is str
print(isinstance(42, Checker()), isinstance(41, Checker()), issubclass(str, Checker()), issubclass(int, Checker()))
