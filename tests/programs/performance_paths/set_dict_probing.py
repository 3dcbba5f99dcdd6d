# Set and dict lookups: keys that compare without Python code (identity,
# ints, exact str), keys whose `__eq__` runs Python code (and mutates the
# container meanwhile), dummy slots left by deletions and reused by
# insertion, and the iteration order that results.


class Key:
    """A key with a chosen hash and a Python `__eq__` that is logged."""

    log = []

    def __init__(self, name, h):
        self.name = name
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        Key.log.append((self.name, getattr(other, "name", other)))
        return isinstance(other, Key) and self.name == other.name

    def __repr__(self):
        return f"K({self.name})"


# Colliding keys: every comparison goes through `__eq__`.
s = set()
for n in "abcde":
    s.add(Key(n, 7))
print(sorted(k.name for k in s), len(Key.log))
Key.log.clear()
print(Key("c", 7) in s, Key("z", 7) in s)
print(Key.log)
Key.log.clear()
s.discard(Key("b", 7))
print(sorted(k.name for k in s), Key.log)

d = {}
for n in "abcde":
    d[Key(n, 3)] = n
Key.log.clear()
print(d.get(Key("d", 3)), d.get(Key("q", 3), "missing"))
print(Key.log)
d[Key("a", 3)] = "A"
print(d[Key("a", 3)], len(d))


# An `__eq__` that mutates the container being searched: the lookup
# restarts, as CPython's does.
class Mutator:
    def __init__(self, target, h):
        self.target = target
        self.h = h
        self.fired = False

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        if not self.fired:
            self.fired = True
            if isinstance(self.target, set):
                self.target.add(1000)
            else:
                self.target[1000] = "new"
        return False


t = set()
m = Mutator(t, 5)
t.add(m)
t.add(Mutator(t, 5))
print(len(t), 1000 in t)

dd = {}
dm = Mutator(dd, 5)
dd[dm] = 1
dd[Mutator(dd, 5)] = 2
print(len(dd), dd.get(1000))


# An `__eq__` that raises propagates out of the lookup.
class Bad:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise ValueError("no comparing")


bs = {Bad()}
try:
    Bad() in bs
except ValueError as e:
    print("set:", e)
bd = {Bad(): 1}
try:
    bd[Bad()]
except ValueError as e:
    print("dict:", e)

# Equal keys of different types.
print({1, 1.0, True}, {1.0, 1}, {1: "a", 1.0: "b", True: "c"})
print(2 in {2.0}, 2.0 in {2}, "x" in {"x"}, "x" in {b"x"})


class S(str):
    pass


print(S("k") in {"k"}, "k" in {S("k")}, {S("k"): 1}.get("k"))

# Dummy slots: deletions followed by insertions, and the resulting order.
s = set(range(20))
for i in range(0, 20, 3):
    s.discard(i)
for i in (100, 3, 36, 69, 6):
    s.add(i)
print(list(s))
for r in range(5):
    for i in range(r * 8, r * 8 + 8):
        s.add(i)
    for i in range(r * 8 + 2, r * 8 + 6):
        s.discard(i)
print(list(s), len(s))

# Sets of strings built by deletions and re-adds.
w = set()
for word in "the quick brown fox jumps over the lazy dog again and again".split():
    w.add(word)
w.discard("fox")
w.discard("the")
w.add("cat")
w.add("the")
print(sorted(w), len(w))
w2 = set(w)
print(w2 == w, list(w2) == list(w))

# Dict with deletions and re-insertions keeps insertion order.
d = {}
for i in range(30):
    d[i * 7 % 11] = i
for k in list(d)[::2]:
    del d[k]
for i in range(5):
    d[i] = -i
print(list(d.items()))

# Unhashable keys.
for bad in ([], {}, set()):
    try:
        {1}.add(bad)
    except TypeError as e:
        print(e)
    try:
        {}[bad] = 1
    except TypeError as e:
        print(e)
print([] in {1} if False else "skip", {1}.__contains__(1))
try:
    [] in {1}
except TypeError as e:
    print(e)
print(set() in {frozenset()}, {frozenset(): 1}.get(frozenset()))
