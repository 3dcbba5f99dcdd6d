# Slot wrappers of builtin types are wrapper_descriptors, bound ones
# method-wrappers; methods are method_descriptors and builtin methods.
import types
print(type(int.__add__).__name__, type((1).__add__).__name__)
print(int.__add__, int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__)
m = (1).__add__
print(m.__self__, m.__name__, m.__qualname__, m.__objclass__, m(2), repr(m).startswith("<method-wrapper '__add__' of int object at 0x"))
print(True.__add__.__objclass__, [].__len__.__objclass__)
print(int.__add__(1, 2), int.__add__.__get__(3)(4), int.__add__.__get__(None, int))
print(int.__dict__['__add__'] is int.__add__, type(int.__dict__['__add__']))
print(types.WrapperDescriptorType, types.MethodWrapperType, types.MethodDescriptorType, types.BuiltinMethodType)
print(type(object.__init__), type(object().__init__), type([].__len__), type(object.__eq__))
print(type(str.__dict__['upper']), type("".upper), type(object.__dict__['__format__']))
print(str.upper.__name__, str.upper.__qualname__, str.upper.__objclass__)
print("".upper.__self__ == "", "".upper.__name__, "".upper.__qualname__)
print((1).__add__ == (1).__add__, (1).__add__ == (2).__add__, (1).__add__ != (1).__sub__)
x = []
print(x.append == x.append, x.append == [].append)
print(hash((1).__add__) == hash((1).__add__), hash(x.append) == hash(x.append), len({x.append, x.append}))
print(object.__repr__, object.__init__.__objclass__)
print(type(int.__dict__['real']).__name__, type(type(len).__dict__['__name__']).__name__)
print(repr(type(str.upper).__dict__['__objclass__']))
print(type(property.__dict__['__set__']).__name__, type(property.__dict__['__delete__']).__name__)
try:
    int.__add__("a", 1)
except TypeError as e:
    print(e)
try:
    str.upper(1)
except TypeError as e:
    print(e)
int.__add__.__get__("x")
