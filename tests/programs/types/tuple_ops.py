# tuples: creation, single-element syntax, immutability, methods, hashing.
t = (1, "two", [3])
print(t, (1,), (), tuple(), 1, (1), type((1)).__name__, type((1,)).__name__)
print(t[0], t[-1], t[1:], t.count(1), t.index("two"), len(t))
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
t[2].append(4)
print(t)
try:
    hash(t)
except TypeError as e:
    print(type(e).__name__, e)
print(hash((1, 2)) == hash((1, 2)), (1, 2) + (3,), (0,) * 3)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 100))
x = 1, 2, 3
print(x, type(x).__name__)
try:
    (1, 2).index(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    (1,)[3]
except IndexError as e:
    print(type(e).__name__, e)
print(tuple(reversed(x)), sorted(x, reverse=True))
