# Builtin type relationships and the object/type bootstrapping.
for t in (int, bool, float, complex, str, bytes, list, tuple, dict, set, frozenset, type, object, range, slice):
    print(t.__name__, [b.__name__ for b in t.__mro__])
print(type(type) is type, type(object) is type, object.__bases__, type.__bases__)
print(isinstance(type, object), isinstance(object, type), issubclass(type, object))
print(type(len).__name__, type([].append).__name__, type(int.__add__).__name__)
print(type((1).__add__).__name__, type(str.__dict__["upper"]).__name__)
print(type(type.__dict__["__name__"]).__name__, type(iter(range(1))).__name__)
print(type({}.keys()).__mro__[-1] is object, bool.__mro__[-1] is object)
print(int.__subclasses__()[:1] == [bool], issubclass(bool, (str, int)))
