# len() on builtins and user types, and its errors.
print(len(""), len("abc"), len("\u00e9\u00e8"), len(b"\x00\x01"))
print(len([]), len([1, [2, 3]]), len((1,)), len({1: 2, 3: 4}), len({1, 1, 2}))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0)), len(range(10, 0, -2)))
print(len(bytearray(5)), len(frozenset("aab")), len({}.keys()))
class Sized:
    def __len__(self):
        return 7
print(len(Sized()))
class Big:
    def __len__(self):
        return 2 ** 100
try:
    len(Big())
except OverflowError as e:
    print(type(e).__name__, e)
class FloatLen:
    def __len__(self):
        return 3.0
try:
    len(FloatLen())
except TypeError as e:
    print(type(e).__name__, e)
for bad in (5, None, iter([])):
    try:
        len(bad)
    except TypeError as e:
        print(type(e).__name__, e)
