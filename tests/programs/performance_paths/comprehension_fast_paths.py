# Inlined comprehensions (PEP 709), tuple/list builds, LIST_APPEND and
# GET_ITER of tuples and lists: the fast paths and where their guards fail.
import sys

# The hidden variable is restored, bound or unbound.
j = "outer"
print([j for j in (1, 2)], j)
def unbound_restored():
    r = [k * 2 for k in [3, 4]]
    try:
        print(k)
    except NameError as e:
        print(type(e).__name__, e)
    return r
print(unbound_restored())
def shadowing():
    x = 10
    r = [x for x in range(3)]
    return r, x
print(shadowing())

# Nested comprehensions, conditions, tuples and lists of many sizes.
print([(a, b) for a in (1, 2) for b in [3, 4] if a != b])
print([[i, i * i] for i in range(4)], [(i,) for i in ()])
print([(), (1,), (1, 2, 3, 4, 5, 6, 7, 8)], [[], [1], list(range(9))])
t = (1, 2)
print((t, t), [t, t], ((), []))

# An error in the middle of a comprehension: the hidden variable comes back.
j = "kept"
try:
    print([1 // j for j in (1, 0, 2)])
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, j)

# Iterating tuples and lists: their own iterators, subclasses with their own
# __iter__, and mutation during iteration.
class MyTuple(tuple):
    def __iter__(self):
        yield "overridden"
class MyList(list):
    def __iter__(self):
        return iter(["from", "MyList"])
print([x for x in MyTuple((1, 2))], [x for x in MyList([1, 2])])
print([x for x in tuple.__new__(MyTuple, (5, 6)).__class__.__mro__[1]((7, 8))])
it = iter((1, 2, 3))
print(type(it).__name__, next(it), list(it), list(it))
lst = [1, 2, 3]
out = []
for x in lst:
    out.append(x)
    if x == 1:
        lst.append(4)
print(out)
class PlainTuple(tuple):
    pass
print([x for x in PlainTuple((9, 8))], list(iter(PlainTuple("ab"))))

# A tuple iterator keeps its tuple alive, and the tuple's items.
tup = tuple([object(), object()])
before = sys.getrefcount(tup)
it = iter(tup)
print(sys.getrefcount(tup) - before)
del it
print(sys.getrefcount(tup) - before)

# Not iterable: the general path's error.
try:
    [x for x in 5]
except TypeError as e:
    print("TypeError", e)
try:
    a, b = [i for i in (1, 2, 3)]
except ValueError as e:
    print("ValueError", e)

# The order in which a built tuple's and list's items are released.
class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
t = (Noisy(1), Noisy(2))
del t
l = [Noisy(3), Noisy(4)]
del l
print([Noisy(5).n for _ in (1,)])
print("end")
values = [1 // x for x in (2, 1, 0)]
