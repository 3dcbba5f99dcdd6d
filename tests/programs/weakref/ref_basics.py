# weakref.ref: lifetimes, sharing of the basic reference, __callback__,
# hashing, equality, getweakrefcount/getweakrefs, repr shapes.
import weakref
import sys


def shape(text):
    """A repr with its addresses replaced (they differ between runs)."""
    words = []
    for word in text.split(" "):
        if word.startswith("0x"):
            tail = word[2:].lstrip("0123456789abcdef")
            word = "ADDR" + tail
        words.append(word)
    return " ".join(words)


class C:
    pass


def f():
    pass


c = C()
r = weakref.ref(c)
print(type(r).__name__, type(r) is weakref.ReferenceType, weakref.ref is weakref.ReferenceType)
print(r() is c, r is weakref.ref(c), r is weakref.ref(c, None))
print(weakref.getweakrefcount(c), weakref.getweakrefs(c) == [r])
print(r.__callback__)
print(shape(repr(r)))
print(shape(repr(weakref.ref(f))))
print(shape(repr(weakref.ref(C))))
print(shape(repr(weakref.ref(sys))))

# A reference with a callback is a new object, after the basic one.
r2 = weakref.ref(c, bool)
print(r2 is r, r2.__callback__ is bool, r2() is c)
refs = weakref.getweakrefs(c)
print(len(refs), refs[0] is r, refs[1] is r2, weakref.getweakrefcount(c))

# Equality: referents compared while alive.
d = C()
print(weakref.ref(c) == weakref.ref(c), weakref.ref(c) == weakref.ref(d), weakref.ref(c) != weakref.ref(d))
print(r == r2, r == c, r != c)

# Hash: the referent's, remembered after death.
class H:
    def __hash__(self):
        return 42


h = H()
rh = weakref.ref(h)
print(hash(rh), hash(rh))
del h
print(rh(), hash(rh))

# Death: the reference answers None, the list is gone.
before = sys.getrefcount(c)
extra = [weakref.ref(c, lambda x: None) for _ in range(3)]
print("refcount unchanged:", sys.getrefcount(c) == before)
print(weakref.getweakrefcount(c))
del c
print(r(), r2(), r.__callback__, r2.__callback__)
print(shape(repr(r)))
print(r == r, r == r2, r != r2)
try:
    hash(r2)
except TypeError as e:
    print("TypeError:", e)

# Argument errors.
for call in (
    lambda: weakref.ref(),
    lambda: weakref.ref(d, None, 3),
    lambda: weakref.ref(d)(1),
    lambda: weakref.ref(d, callback=None),
    lambda: weakref.ref(d) < weakref.ref(d),
):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

# A callback need not be callable until it is called.
print(weakref.ref(d, 5)() is d)
