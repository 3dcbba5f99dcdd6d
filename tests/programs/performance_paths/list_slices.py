# Slices, slice assignment and item access of exact lists and tuples (the
# fast paths that copy items straight into new storage), their edge cases,
# and the general paths that subclasses and __index__ objects take.
import sys

L = list(range(10))
bounds = [None, -100, -11, -10, -3, -1, 0, 1, 3, 9, 10, 11, 100]
steps = [None, 1, 2, 3, -1, -2, -3, 100, -100]
count = 0
for a in bounds:
    for b in bounds:
        for c in steps:
            s = L[a:b:c]
            t = tuple(L)[a:b:c]
            assert list(t) == s
            assert s == [L[i] for i in range(*slice(a, b, c).indices(10))], (a, b, c)
            count += 1
print("checked", count, "slices")
print(L[:], L[::-1], L[3::-1], L[:3:-1], L[-1:-11:-1], L[0:0:-1])
try:
    L[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    (1, 2)[1:2:0]
except ValueError as e:
    print("ValueError:", e)

# A slice is a new list; a whole slice of an exact tuple is the tuple.
c = L[:]
print(c == L, c is L)
t = (1, 2, 3)
print(t[:] is t, t[::1] is t, t[0:3] is t, t[0:100] is t, t[::-1], t[1:1] == ())

# Object items keep their counts.
o = object()
objs = [o] * 5
base = sys.getrefcount(o)
copies = [objs[::-1], objs[1:3], objs[::2], tuple(objs)[1:4]]
print(sys.getrefcount(o) - base)
del copies
print(sys.getrefcount(o) - base)

# Slice assignment: same length, growing, shrinking, empty, from tuples.
M = [0, 1, 2, 3, 4]
M[1:3] = [7, 8]
print(M)
M[1:2] = [5, 6, 7, 8]
print(M)
M[2:6] = [9]
print(M)
M[:0] = ("a", "b")
print(M)
M[len(M):] = [None]
print(M)
M[-2:] = ()
print(M)
M[100:200] = [1]
print(M)
M[-100:1] = ["start"]
print(M)
M[3:1] = ["x"]
print(M)

# Self-assignment.
S = [1, 2, 3, 4]
S[:] = S
print(S)
S[1:3] = S
print(S)
S[:2] = S
print(S)
S[len(S):] = S
print(S)

# Extended slices.
E = list(range(8))
E[::2] = "abcd"
print(E)
E[::-1] = E
print(E)
try:
    E[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    E[::-3] = []
except ValueError as e:
    print("ValueError:", e)
try:
    E[1:2] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    E[::2] = 5
except TypeError as e:
    print("TypeError:", e)

# Removed objects die when the assignment is done; their __del__ sees
# the list in its new state.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, [getattr(x, "name", x) for x in D])


D = [Noisy("a"), 1, Noisy("b")]
D[0:1] = [2]
D[1:3] = (3,)
D[:] = [Noisy("c")]
D[0] = 4
print(D)

# Item access and store by inline ints, out of range, negative.
I = [10, 20, 30]
print(I[0], I[-1], I[2], (1, 2, 3)[-3])
I[1] -= 1
I[-1] = "z"
print(I)
for bad in (3, -4, 1 << 70):
    try:
        I[bad]
    except IndexError as e:
        print("IndexError:", e)
    try:
        I[bad] = 0
    except IndexError as e:
        print("IndexError:", e)
try:
    (1, 2)[2]
except IndexError as e:
    print("IndexError:", e)
try:
    I["x"]
except TypeError as e:
    print("TypeError:", e)


# __index__ objects as indices and bounds (the general path), counted.
class Idx:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __index__(self):
        Idx.calls += 1
        return self.v


print(I[Idx(1)], L[Idx(2) : Idx(5)], L[Idx(5) : Idx(1) : Idx(-2)], t[Idx(0) :] is t)
I[Idx(0)] = "first"
L2 = L[:]
L2[Idx(1) : Idx(3)] = ["q"]
print(I, L2, Idx.calls)


# Subclasses with overrides take their own methods.
class MyList(list):
    def __getitem__(self, i):
        print("getitem", i)
        return list.__getitem__(self, i)

    def __setitem__(self, i, v):
        print("setitem", i, v)
        list.__setitem__(self, i, v)


m = MyList([1, 2, 3, 4])
print(m[1], m[1:3], m[::-1])
m[0] = 9
m[1:3] = [7]
m[:] = m
print(m, type(m[:]).__name__)


class MyTuple(tuple):
    pass


mt = MyTuple((1, 2, 3))
print(mt[:] is mt, type(mt[:]).__name__, mt[::-1])

# A list as the value of a slice of a subclass, and the reverse.
plain = [0, 0, 0]
plain[0:2] = MyList([5, 6])
print(plain)

# Deleting while iterating.
it = [1, 2, 3, 4, 5, 6]
for x in it:
    if x % 2:
        del it[0:1]
print(it)
it2 = list(range(6))
for x in it2:
    it2[x:] = []
print(it2)

# fannkuch's shapes.
perm = [3, 1, 4, 1, 5, 9, 2, 6]
for _ in range(5):
    k = perm[0]
    perm[: k + 1] = perm[k::-1]
    first = perm[0]
    perm[:3] = perm[1:4]
    perm[3] = first
print(perm)

# An uncaught error from a wrong-length extended-slice assignment.
Z = [1, 2, 3]
Z[::2] = [1, 2, 3]
