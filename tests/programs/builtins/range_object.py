# range: repr, len, indexing, slicing, negative steps, membership, equality.
r = range(2, 20, 3)
print(r, list(r), len(r))
print(r[0], r[-1], r[2])
print(r[1:4], r[::-1], r[::2])
print(range(10)[::-1], list(range(10)[-3:]))
print(range(5, 0, -1), list(range(5, 0, -1)), list(range(0, -10, -3)))
print(5 in r, 8 in r, 20 in r, 8.0 in r)
print(range(0) == range(5, 5), range(0, 3) == range(3), range(1, 10, 2) == range(1, 11, 2))
print(r.start, r.stop, r.step, r.index(11), r.count(11))
print(range(10 ** 20)[10 ** 19], len(range(10 ** 18)))
try:
    r[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    r.index(3)
except ValueError as e:
    print(type(e).__name__, e)
print(list(reversed(range(3))), bool(range(0)), bool(range(1)))
