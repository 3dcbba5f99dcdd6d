# Which objects can be weakly referenced, exactly as CPython: builtin types
# one by one, user classes, __slots__ with and without __weakref__.
import weakref
import sys


def gen():
    yield 1


async def coro():
    pass


class C:
    def method(self):
        pass


candidates = [
    ("object()", object()),
    ("int", 1),
    ("bool", True),
    ("float", 1.5),
    ("complex", 1j),
    ("str", "s"),
    ("bytes", b"b"),
    ("bytearray", bytearray()),
    ("tuple", ()),
    ("list", []),
    ("dict", {}),
    ("None", None),
    ("range", range(3)),
    ("slice", slice(1)),
    ("exception", ValueError()),
    ("set", set()),
    ("frozenset", frozenset()),
    ("function", gen),
    ("lambda", lambda: 0),
    ("class", C),
    ("type", int),
    ("module", sys),
    ("generator", gen()),
    ("method", C().method),
    ("code", gen.__code__),
    ("builtin function", len),
    ("memoryview", memoryview(b"")),
    ("instance", C()),
    ("GenericAlias", list[int]),
    ("Union", int | str),
]
co = coro()
candidates.append(("coroutine", co))
for name, value in candidates:
    try:
        weakref.ref(value)
        print(name, "yes")
    except TypeError as e:
        print(name, "no:", e)
co.close()


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class SlottedSub(Slotted):
    pass


class SlottedSubSlots(Slotted):
    __slots__ = ()


class WithDict:
    __slots__ = ("__dict__",)


for cls in (Slotted, SlottedWeak, SlottedSub, SlottedSubSlots, WithDict):
    try:
        weakref.ref(cls())
        print(cls.__name__, "yes", "__weakref__" in cls.__dict__)
    except TypeError as e:
        print(cls.__name__, "no:", e)

for base in (int, str, tuple, bytes, list, dict, Exception, object, set, type):
    class X(base):
        pass
    try:
        x = X("X", (), {}) if base is type else X()
        weakref.ref(x)
        print(base.__name__, "subclass yes", "__weakref__" in X.__dict__)
    except TypeError as e:
        print(base.__name__, "subclass no:", e)

try:
    class Twice(SlottedWeak):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print("TypeError:", e)

# __weakref__ is the first weak reference, or None.
s = SlottedWeak()
print(s.__weakref__)
r = weakref.ref(s)
print(s.__weakref__ is r)
o = C()
print(o.__weakref__)
r2 = weakref.ref(o, print)
print(o.__weakref__ is r2)
try:
    o.__weakref__ = None
except AttributeError as e:
    print("AttributeError:", e)

# Weak reference objects are not weakly referenceable themselves.
try:
    weakref.ref(r)
except TypeError as e:
    print("TypeError:", e)


# ref subclasses (as weakref.KeyedRef).
class KeyedRef(weakref.ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = super().__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


target = C()
k = KeyedRef(target, None, "the key")
print(type(k).__name__, isinstance(k, weakref.ref), k.key, k() is target, k is weakref.ref(target))
print(weakref.getweakrefs(target)[-1] is k)
weakref.ref(1)
