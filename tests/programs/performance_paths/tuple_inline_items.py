# Tuples of every length around the inline limit (0..6 items): building,
# reading, hashing, comparing, releasing (last item first), and the builders
# that skip the intermediate vector (BUILD_TUPLE, *args, enumerate, zip, map,
# dict items, divmod).
import gc
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def __repr__(self):
        return f"Noisy({self.name})"


def make(n):
    return tuple(range(n))


for n in range(7):
    t = make(n)
    print(n, t, len(t), bool(t), t == make(n), t < make(n) + (0,), hash(t) == hash(make(n)))
    print("  ", t[-1] if t else None, t[1:], t * 2, t + ("x",), (n - 1) in t, t.count(0))

empty = ()
print(tuple() is empty, make(0) is empty, (lambda *a: a)() is empty, tuple([]) is empty)

# Literal-built tuples of each length through BUILD_TUPLE.
a, b, c, d, e = "abcde"
print((a,), (a, b), (a, b, c), (a, b, c, d), (a, b, c, d, e))

# Releasing: items go last first, inline and boxed alike.
for n in (1, 2, 3, 4, 5):
    t = tuple(Noisy(f"{n}.{i}") for i in range(n))
    print("drop", n)
    del t
x = (Noisy("lit1"), Noisy("lit2"))
del x
x = (Noisy("lit1"), Noisy("lit2"), Noisy("lit3"), Noisy("lit4"))
del x


# *args of every length.
def star(*args):
    return args


def star_after(first, *rest):
    return first, rest


for n in range(6):
    print(star(*range(n)), star_after(*range(n + 1)))
print(max(3, 1, 2), min(*(5, 4, 6)), print.__name__)

# Iterators that produce tuples.
print(list(enumerate("abc", start=5)))
print(list({"k": 1, "j": 2}.items()), {"q": 9}.popitem())
print(list(zip("ab")), list(zip("ab", "cd")), list(zip("ab", "cd", "ef")))
print(list(zip("ab", "cd", "ef", "gh")), list(zip("ab", "cd", "ef", "gh", "ij")))
print(list(map(star, "ab", "cd", "ef", "gh")))
try:
    list(zip("ab", "abc", "x", strict=True))
except ValueError as exc:
    print("ValueError:", exc)
print(divmod(17, 5), divmod(-17.5, 5), divmod(2**70, 3))

# Reference counts and tracking are those of CPython.
s = "some string " * 3
before = sys.getrefcount(s)
t = (s, s, s)
print(sys.getrefcount(s) - before)
del t
print(sys.getrefcount(s) - before)
print(gc.is_tracked((1, 2)), gc.is_tracked(([],)), gc.is_tracked((1, 2, 3, 4, [])))


# A subclass of tuple keeps the payload's layout.
class Point(tuple):
    def __repr__(self):
        return "Point" + tuple.__repr__(self)


p = Point((1, 2))
q = Point(range(5))
p.tag = "attr"
print(p, q, len(p), len(q), p[1], q[4], p + q, hash(p) == hash((1, 2)), p.tag)
print(p == (1, 2), q[1:3], list(reversed(q)))


# Comparison and search call __eq__, which may raise.
class Boom:
    def __eq__(self, other):
        raise RuntimeError("eq boom")

    __hash__ = object.__hash__


for t in ((Boom(),), (1, Boom()), (1, 2, 3, Boom())):
    try:
        t == tuple(t[:-1]) + (0,)
    except RuntimeError as exc:
        print(len(t), "RuntimeError:", exc)
    try:
        0 in t
    except RuntimeError as exc:
        print(len(t), "RuntimeError:", exc)

try:
    (1, 2, 3)[3]
except IndexError as exc:
    print("IndexError:", exc)
try:
    (1, 2, 3, 4, 5).index(9)
except ValueError as exc:
    print("ValueError:", exc)
a, b = (1, 2)
print(a, b)
a, b, c = (1, 2)
