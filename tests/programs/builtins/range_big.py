# range with arbitrary-size bounds, slicing, hashing and comparisons.
r = range(10 ** 20)
print(r[-1], r[10 ** 19], r[5:10], r[::10 ** 19], len(range(10 ** 18)))
try:
    len(r)
except OverflowError as e:
    print(type(e).__name__, e)
big = range(0, 10 ** 20, 3)
print(big[5:10 ** 19:2], 10 ** 19 + 1 in big, 3 * 10 ** 18 in big, big.index(30), big.count(31))
print(list(range(2 ** 63 - 2, 2 ** 63 + 1)), list(reversed(range(2 ** 63, 2 ** 63 + 3))))
print(range(0) == range(5, 5), range(1, 2) == range(1, 3, 5), range(3) == [0, 1, 2], range(1, 10, 2) == range(1, 11, 2))
print(hash(range(0)) == hash(range(5, 5)), hash(range(1, 2)) == hash(range(1, 3, 5)))
print(range(10)[-100:100:3], range(10)[::-1][2:], range(5, 0, -1)[1:], range(3)[True])
print(range(-5), repr(range(1, 2, -1)), range(3).start, range(3).stop, range(3).step)
for f in (lambda: range(3)["a"], lambda: range(3)[1.0], lambda: range(3).index("a"), lambda: range(3).index(5),
          lambda: range(3) < range(4), lambda: range(1, 2, 0), lambda: range(), lambda: range(1, 2, 3, 4),
          lambda: range(1.5), lambda: range(3)[2 ** 70]):
    try:
        print(f())
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(range(3).count(1.0), 2.0 in range(3), range(5).index(True))
s = slice(2, None, -1)
print(s.indices(10), slice(None).indices(0), slice(-100, 100, 7).indices(20), slice(10 ** 30).indices(5))
print(slice(1, 2) < slice(1, 3), slice(1, 2) == slice(1, 2), hash(slice(1, 2)) == hash(slice(1, 2)))
for f in (lambda: slice(1, 2, 0).indices(3), lambda: slice(1).indices(-1), lambda: slice("a").indices(3), lambda: slice()):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
