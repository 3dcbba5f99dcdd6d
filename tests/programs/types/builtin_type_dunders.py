# Which operator dunders the builtin types' dicts show, the unhashable
# types' `__hash__ = None`, and calling the wrappers directly.
from collections.abc import Hashable

NAMES = [
    "__neg__", "__pos__", "__abs__", "__invert__", "__bool__", "__hash__",
    "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
    "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__",
    "__mod__", "__rmod__", "__divmod__", "__rdivmod__", "__pow__", "__rpow__",
    "__and__", "__rand__", "__or__", "__ror__", "__xor__", "__rxor__",
]
for t in (int, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset, range):
    print(t.__name__, [n for n in NAMES if n in vars(t)])

print((1 + 2j).__add__(3), (1 + 2j).__rsub__(3), (2j).__mul__(2), (1 + 1j).__truediv__(2))
print((1 + 2j).__pow__(2), (2j).__rpow__(2), (1j).__radd__(1.5), abs(3 + 4j), (3 + 4j).__abs__())
print((1 + 2j).__add__("x"), (1j).__mul__([]))
print((7).__divmod__(2), (7).__rdivmod__(2), (7.5).__divmod__(2), (7.5).__rdivmod__(20), (7).__divmod__(2.5))
print((7).__divmod__("a"), (7.0).__rdivmod__("a"), True.__divmod__(2))
try:
    (7).__divmod__(0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print("ab".__add__("c"), [1].__add__([2]), (1,).__add__((2,)), b"a".__add__(b"b"), bytearray(b"a").__add__(b"b"))
print("ab".__mul__(2), "ab".__rmul__(2), [0].__rmul__(3), "%s!".__mod__("x"), bytearray(b"%d").__mod__(5))
print(hasattr("a", "__radd__"), hasattr([], "__radd__"), hasattr(1.5, "__invert__"), hasattr(1, "__invert__"))

for v in ([], {}, set(), bytearray(), (), frozenset(), "", 1, 1.5, 1j, range(2)):
    print(type(v).__name__, type(v).__hash__ is None, isinstance(v, Hashable))

class MyList(list):
    pass

class HashedList(list):
    def __hash__(self):
        return 7

print(MyList.__hash__, isinstance(MyList(), Hashable), hash(HashedList()), isinstance(HashedList(), Hashable))
try:
    hash([])
except TypeError as e:
    print("TypeError", e)

class D(int):
    def __divmod__(self, other):
        return ("mine", super().__divmod__(other))

print(D(7).__divmod__(3), int.__divmod__(9, 4), float.__rdivmod__(2.0, 9))
l = [1]; print(l.__iadd__([2]), l.__imul__(2), l)
s = {1}; print(s.__ior__({2}), s.__iand__({2, 3}), s.__isub__({9}), s.__ixor__({4}), s)
print(s.__ior__(5), s.__iand__([1]))
d = {1: 2}; print(d.__ior__({3: 4}), d.__ior__([(5, 6)]), d)
try: d.__ior__(5)
except TypeError as e: print("TypeError", e)
b = bytearray(b"a"); print(b.__iadd__(b"b"), b.__imul__(2), b)
try: [].__iadd__(5)
except TypeError as e: print("TypeError", e)
class L(list):
    def __iadd__(self, other):
        print("L.__iadd__")
        return super().__iadd__(other)
x = L([1]); x += [2]; print(x, type(x).__name__)
class S(set):
    def __ior__(self, other):
        return super().__ior__(other)
y = S({1}); y |= {2}; print(y, type(y).__name__)
print([n for n in ("__iadd__", "__imul__", "__ior__", "__iand__", "__isub__", "__ixor__") if n in vars(list)], [n for n in ("__iadd__", "__ior__", "__iand__", "__isub__", "__ixor__") if n in vars(set)], [n for n in ("__ior__", "__iadd__") if n in vars(dict)], [n for n in ("__iadd__", "__imul__") if n in vars(bytearray)], [n for n in ("__iadd__", "__ior__") if n in vars(frozenset)])
