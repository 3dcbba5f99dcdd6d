# set.add / discard / `in` on small int keys (the inline probe) mixed with keys
# that compare through Python: custom __hash__/__eq__, floats equal to ints,
# bools, big ints, negative ints, and set subclasses overriding the methods.


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        print("eq", self.v, other)
        if isinstance(other, Key):
            return self.v == other.v
        return self.v == other


s = set()
for i in range(-5, 6):
    s.add(i)
print(sorted(s))
for i in range(-5, 6, 2):
    s.discard(i)
print(sorted(s), -4 in s, -5 in s, 3 in s)

# Floats and bools equal to stored ints are found; the stored key stays.
s = {1, 2, 3}
s.add(1.0)
s.add(True)
print(s, 2.0 in s, False in s)
s.discard(3.0)
print(s)

# A key with a custom __eq__ and the hash of an int already stored.
s = {5, 6, 7}
k = Key(6)
print(k in s)
s.add(Key(5))
print(len(s))
s.add(Key(50))
print(len(s), 50 in s)
s.discard(50)
print(len(s))

# Ints probed past a custom-key slot with the same hash.
s = set()
s.add(Key(8))
print(8 in s)
s.add(8)
print(len(s))
s.discard(8)
print(len(s))

# Big ints (boxed), equal values made separately.
big = 2**70
s = {big}
print(2**70 in s, (2**70 + 1) - 1 in s)
s.add(2**70)
print(len(s))
s.discard(int("1" + "0" * 30))
s.add(int("1" + "0" * 30))
print(len(s), 10**30 in s)

# Churn: add/discard of the same small range many times (dummies reused)
# keeps iteration order as CPython's.
s = set()
for rnd in range(50):
    for i in range(11):
        s.add((i * 7 + rnd) % 23 - 11)
    for i in range(0, 11, 3):
        s.discard((i * 5 + rnd) % 23 - 11)
print(list(s))

# Hash collisions among small ints: -1 and -2 share a hash.
s = {-1}
print(-2 in s, -1 in s)
s.add(-2)
print(sorted(s))
s.discard(-1)
print(s, -2 in s)


# Subclasses with overridden add / discard / __contains__.
class LoudSet(set):
    def add(self, x):
        print("add", x)
        super().add(x)

    def discard(self, x):
        print("discard", x)
        super().discard(x)

    def __contains__(self, x):
        print("contains", x)
        return super().__contains__(x)


ls = LoudSet()
for i in range(3):
    ls.add(i)
ls.discard(1)
print(1 in ls, 2 in ls, sorted(ls))

# Monkeypatching after the call site warmed up: a different object.
def run(target):
    for i in range(4):
        target.add(i)
        target.discard(i - 1)
    return target


print(run(set()))
print(sorted(run(LoudSet())))

# Unhashable keys and wrong argument counts.
s = set()
for bad in ([], {}, set()):
    try:
        s.add(bad)
    except TypeError as e:
        print("TypeError", e)
    try:
        s.discard(bad)
    except TypeError as e:
        print("TypeError", e)
    try:
        print(bad in s)
    except TypeError as e:
        print("TypeError", e)
try:
    s.add()
except TypeError as e:
    print("TypeError", e)
try:
    s.discard(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    frozenset().add(1)
except AttributeError as e:
    print("AttributeError", e)


# An __eq__ that mutates the set during the probe.
class Mutator:
    def __init__(self, target):
        self.target = target
        self.done = False

    def __hash__(self):
        return 3

    def __eq__(self, other):
        print("mutating eq", other)
        if not self.done:
            self.done = True
            self.target.discard(3)
        return False


s = {3, 4}
m = Mutator(s)
s.add(m)
print(len(s), 4 in s, 3 in s)

# Exceptions from __hash__ / __eq__ during add and discard.
class BadHash:
    def __hash__(self):
        raise RuntimeError("no hash")


class BadEq:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise LookupError("no eq")


s = {1}
for obj in (BadHash(), BadEq()):
    for op in (s.add, s.discard, s.__contains__):
        try:
            op(obj)
        except Exception as e:
            print(type(e).__name__, e)
