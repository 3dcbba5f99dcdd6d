# isinstance and issubclass on builtin types and ABC-free hierarchies.
print(isinstance(1, int), isinstance(1.0, int), isinstance(True, int), isinstance(1, bool))
print(isinstance("s", str), isinstance(b"s", str), isinstance([], (list, tuple)))
print(isinstance(None, object), isinstance(int, object), isinstance(type, type))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, int), issubclass(int, object))
print(issubclass(KeyError, LookupError), issubclass(dict, object))
print(isinstance(range(1), range), isinstance(iter([]), object))
print(isinstance(1, int | float), isinstance("x", int | None), isinstance(None, int | None))
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class Magic(metaclass=Meta):
    pass
print(isinstance("magic", Magic), isinstance("other", Magic), issubclass(int, Magic), issubclass(str, Magic))
