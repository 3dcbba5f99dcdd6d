# The inline paths of set membership, add and discard for int and exact str
# keys (hash inline, compare inline, the eval loop answering `in`, `add` and
# `discard` itself) against everything that must still take the general
# path: equal keys of other types, str subclasses with their own hash and
# __eq__, keys whose __eq__ mutates the set, NaN, -1 hashes, frozensets,
# dict key views, dummy slots and resizes, and the error messages.

# 1 == 1.0 == True: one element, the first one stored wins.
s = set()
for k in (1, 1.0, True, 2.0, 2, False, 0, 0.0):
    s.add(k)
print(sorted(s, key=repr), len(s))
print(1 in s, 1.0 in s, True in s, 2 in s, 0 in s, -0.0 in s, 3 in s)
s.discard(True)
s.discard(2)
print(s, 1 in s, 2.0 in s)
f = frozenset([1, 2.0, "x"])
print(True in f, 2 in f, "x" in f, "y" in f, 2.5 in f)

# Ints whose hash is -1 / -2 collide; big ints reduce modulo 2**61 - 1.
M = 2**61 - 1
s = {-1, -2, M, M + 1, 2**62, -(2**63), 2**63 - 1}
print(sorted(s))
print(-1 in s, -2 in s, 0 in s, 1 in s, M in s, M - 1 in s, 2**64 in s)
print(hash(-1), hash(-2), hash(M), hash(M + 1), hash(2**63 - 1))
s.discard(-1)
print(-1 in s, -2 in s)
s.discard(-2)
print(-1 in s, -2 in s, len(s))

# NaN: identity decides; a new NaN is not found.
nan = float("nan")
s = {nan, 1}
print(nan in s, float("nan") in s, len(s))
s.add(float("nan"))
print(len(s))

# str keys: interned literals, strings built at run time, subclasses.
words = "the quick brown fox jumps over the lazy dog the end".split()
s = set()
for w in words:
    s.add(w)
print(sorted(s), "".join(["t", "he"]) in s, "th" + "e" in s, "cat" in s)
for w in words[:4]:
    s.discard("".join(list(w)))
print(sorted(s))


class LoudStr(str):
    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        print("LoudStr.__eq__", str(self), other)
        return str(self) == other


s = {"a", "b"}
print(LoudStr("a") in s, LoudStr("z") in s)
s.add(LoudStr("a"))
print(len(s))
s = {LoudStr("q")}
print("q" in s, "r" in s)
s.add("q")
s.discard("q")
print(len(s), s)


class Other(str):
    def __hash__(self):
        return 7


s = {Other("a"), 7, "a"}
print(len(s), 7 in s, Other("a") in s, "a" in s)


# A key whose __eq__ mutates the set: the probe restarts.
class Mutator:
    def __init__(self, target, value):
        self.target = target
        self.value = value

    def __hash__(self):
        return hash(self.value)

    def __eq__(self, other):
        print("Mutator.__eq__", other)
        self.target.discard(other)
        self.target.add(other + 1000)
        return False


s = set(range(5))
m = Mutator(s, 3)
s.add(m)
print(sorted(x for x in s if isinstance(x, int)), m in s, len(s))
s2 = {3, 4}
print(Mutator(s2, 4) in s2, sorted(s2))
s3 = {1, 2}
s3.discard(Mutator(s3, 2))
print(sorted(s3))


# A stored element whose __eq__ is met by an int probe with the same hash.
class HashOne:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        print("HashOne.__eq__", other)
        return other == "one"


s = {HashOne()}
print(1 in s, "one" in s, 2 in s)
s.add(1)
s.discard(1)
print(len(s))

# Many add/discard cycles: dummies fill the table and it is rebuilt.
s = set()
for i in range(2000):
    s.add(i)
    s.add(str(i))
    s.discard(i - 3)
    s.discard(str(i - 5))
print(len(s), sorted(x for x in s if isinstance(x, int)), sorted(x for x in s if isinstance(x, str)))
s = {10, 20, 30}
for i in range(500):
    s.add(i % 37)
    s.discard((i * 7) % 37)
print(list(s))
t = set()
for i in range(100):
    t.add(i)
for i in range(0, 100, 2):
    t.discard(i)
print(list(t)[:10], len(t))
t.add(0)
t.add(1000)
print(list(t)[:5], list(t)[-3:])

# What a __hash__ returns: kept when it fits (so hash(x) == hash(y) when
# x.__hash__ returns hash(y)), reduced when it does not, -1 made -2.
class Returns:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


print(hash(Returns(hash("abc"))) == hash("abc"), Returns(hash("abc")) in {hash("abc")})
for h in (-1, -2, 2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**100, True, M, M + 5):
    print(hash(Returns(h)), Returns(h) in {h}, h in {Returns(h)})

# Frozensets as keys and the set-as-frozenset lookup of `in`/discard.
s = {frozenset([1, 2]), 3}
print({1, 2} in s, frozenset({2, 1}) in s, {3} in s)
s.discard({1, 2})
print(s)
try:
    s.add({1})
except TypeError as e:
    print(e)

# dict key views and dicts in `in`.
d = {1: "a", "b": 2, 2.0: "c"}
print(1 in d, 1.0 in d, True in d, "b" in d, 2 in d, 3 in d, "".join(["b"]) in d)
print(1 in d.keys(), "b" in d.keys(), 5 in d.keys(), (1, "a") in d.items())
try:
    [] in d
except TypeError as e:
    print(e)
try:
    {} in d.keys()
except TypeError as e:
    print(e)

# The methods called other ways: unbound, bound and kept, on a subclass,
# on a frozenset, with the wrong arguments.
s = set()
set.add(s, 1)
add = s.add
add(2)
set.discard(s, 1)
print(s)


class MySet(set):
    def add(self, x):
        print("MySet.add", x)
        super().add(x)


m = MySet()
m.add(5)
set.add(m, 6)
m.discard(5)
print(sorted(m), type(m).__name__)
for call in (
    lambda: set.add(frozenset(), 1),
    lambda: set.discard(frozenset(), 1),
    lambda: set.add([], 1),
    lambda: s.add(),
    lambda: s.discard(1, 2),
    lambda: s.add([]),
    lambda: s.discard([]),
    lambda: s.remove([]),
    lambda: s.remove(99),
    lambda: s.add({}),
):
    try:
        print(call())
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)

# Changing a set while iterating over it.
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print(e)

# An unhashable key, uncaught.
seen = {1, 2}
seen.add([1])
