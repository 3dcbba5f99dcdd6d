# The weakref module's smaller pieces: generic aliases, KeyedRef,
# _remove_dead_weakref, getweakrefcount/getweakrefs on anything, type names.
import _weakref
import weakref


class C:
    pass


print(weakref.ref[int], weakref.WeakSet[int], weakref.WeakValueDictionary[str, int])
print(weakref.ReferenceType.__name__, weakref.ReferenceType.__module__)
print(weakref.ProxyType.__name__, weakref.CallableProxyType.__name__)
print(weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
print(_weakref.getweakrefcount(1), _weakref.getweakrefs("text"), _weakref.getweakrefcount(C()))

c = C()
k = weakref.KeyedRef(c, None, "key")
print(type(k).__name__, k.key, k() is c, k.__callback__)

d = {"a": weakref.ref(c)}
dead = C()
d["b"] = weakref.ref(dead)
del dead
_weakref._remove_dead_weakref(d, "a")
_weakref._remove_dead_weakref(d, "b")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))
try:
    _weakref._remove_dead_weakref({"x": 1}, "x")
except TypeError as e:
    print("TypeError:", e)

# Weak references in sets and as dict keys hash like their referents.
class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n


k1, k2 = Key(1), Key(1)
table = {weakref.ref(k1): "one"}
print(table[weakref.ref(k2)], weakref.ref(k1) == weakref.ref(k2), weakref.ref(k1) is weakref.ref(k2))
print(len({weakref.ref(k1), weakref.ref(k2)}))

# A weak reference to a class or a function.
def function():
    return "called through a weak reference"


print(weakref.ref(function)()(), weakref.ref(C)() is C)
print(weakref.proxy(function)())
