# enumerate / zip / tuple(list) / range fast paths and their guards.

L = [10, 20, 30]
for i, x in enumerate(L):
    print(i, x)
for i, x in enumerate(L, start=5):
    print(i, x)
for i, x in enumerate(L, -2):
    print(i, x)
for item in enumerate(range(3)):
    print(item)
for i, x in enumerate((1, 2)):
    print(i, x)
for i, c in enumerate("ab"):
    print(i, c)
for i, k in enumerate({"a": 1, "b": 2}):
    print(i, k)

# a held result tuple must not change when the iterator advances
e = enumerate(L)
t = next(e)
u = next(e)
print(t, u, t is u)
held = [p for p in enumerate(L)]
print(held)
held = list(zip(L, "abc"))
print(held)
z = zip(L, L)
t = next(z)
u = next(z)
print(t, u)

# list mutated during enumeration / zip
M = [1, 2, 3]
for i, x in enumerate(M):
    if i == 0:
        M.append(4)
    print(i, x)
M = [1, 2]
for a, b in zip(M, range(10)):
    if a == 1:
        M.append(3)
    print(a, b)

# exhaustion: enumerate keeps its iterator, zip stops
it = iter([1])
e = enumerate(it)
print(list(e), list(e))
z = zip([1, 2], [3])
print(list(z), list(z))
a = iter([1, 2, 3])
for x, y in zip(a, [7]):
    print(x, y)
print(list(a))

# zip: three ways, one, none, strict
for a, b, c in zip([1, 2], (3, 4), range(5, 7)):
    print(a, b, c)
print(list(zip([1, 2])), list(zip()))
print(list(zip([1, 2], [3, 4], strict=True)))
for args in (([1, 2], [3]), ([1], [3, 4]), ([1], [2], [3, 4])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as exc:
        print("ValueError", exc)


def gen():
    yield 1
    raise KeyError("inner")


for src in (gen(),):
    try:
        for i, x in enumerate(src):
            print(i, x)
    except KeyError as exc:
        print("KeyError", exc)
try:
    for a, b in zip([1, 2], gen()):
        print(a, b)
except KeyError as exc:
    print("KeyError", exc)


class MyList(list):
    def __iter__(self):
        return iter([99])


for i, x in enumerate(MyList([1, 2])):
    print(i, x)
for a, b in zip(MyList([1, 2]), [5, 6]):
    print(a, b)


class Counter:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n


for i, x in enumerate(Counter()):
    print(i, x)
for a, b in zip(Counter(), [1, 2, 3]):
    print(a, b)


big = 2**63 - 2
for i, x in enumerate("abc", big):
    print(i, x)
for i, x in enumerate("ab", 10**30):
    print(i, x)

# tuple(...)
print(tuple(L), tuple([]), tuple((1, 2)), tuple("ab"), tuple(range(3)))
t = (1, 2)
print(tuple(t) is t)
print(type(tuple(MyList([1, 2]))), tuple(MyList([1, 2])))


class MyTuple(tuple):
    pass


mt = MyTuple((1, 2))
print(tuple(mt), type(tuple(mt)), tuple(mt) is mt)
big_list = list(range(10))
print(tuple(big_list))
try:
    tuple(5)
except TypeError as exc:
    print("TypeError", exc)

# range
for r in (range(5), range(2, 9, 3), range(10, 0, -3), range(0), range(5, 5),
          range(-5, -20, -4), range(10**20), range(-10**20, 10**20, 10**19),
          range(2**63 - 3, 2**63 + 3), range(-2**63, -2**63 + 2),
          range(2**63 - 1, -2**63, -2**63 + 1)):
    print(r, r.start, r.stop, r.step, bool(r), r == range(0))
    try:
        print(len(r))
    except OverflowError as exc:
        print("OverflowError", exc)
    print(r[0] if r else None, r[-1] if r else None, r[1:3], r[::-1], r[::2])
    print(3 in r, 10**19 in r, -5 in r, 3.0 in r, r.count(3), hash(r) == hash(r))
    try:
        print(r.index(-9))
    except ValueError as exc:
        print("ValueError", exc)
    print(list(r)[:5] if len(range(0)) == 0 and r.stop - r.start < 100 else "big")
    print(list(reversed(r))[:3] if abs(r.stop - r.start) < 100 else "big")
print(range(-2**63, 2**63))
try:
    len(range(-2**63, 2**63))
except OverflowError as exc:
    print("OverflowError", exc)
print(range(-2**63, 2**63)[-1], range(-2**63, 2**63)[2**63])
print(range(0, 2**63 - 1, 2**62)[1], list(range(2**63 - 3, 2**63 - 1)))
print(list(range(-2**63 + 2, -2**63 - 1, -1)))
print(range(1, 10, 2) == range(1, 11, 2), range(3) == range(0, 3, 1), range(1, 2, 5) == range(1, 2, 9))
print(range(0, 10)[2:100:3], range(9, -1, -1)[1:-1:2])
try:
    range(1, 2, 0)
except ValueError as exc:
    print("ValueError", exc)
try:
    range(1.5)
except TypeError as exc:
    print("TypeError", exc)
for i in range(3):
    print(range(i), len(range(i)), list(range(i)))
