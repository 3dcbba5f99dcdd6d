# enumerate with start, zip with differing lengths and strict=True.
print(list(enumerate("abc")), list(enumerate("abc", start=10)), list(enumerate([], 5)))
e = enumerate(["x", "y"])
print(type(e).__name__, next(e), next(e), next(e, "end"))
print(list(zip("ab", [1, 2, 3])), list(zip()), list(zip([1])))
print(list(zip("abc", range(3), [True, False, None])))
print(dict(zip(["k1", "k2"], [1, 2])))
pairs = [(1, "a"), (2, "b")]
nums, letters = zip(*pairs)
print(nums, letters)
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2, 3], [4, 5], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [4, 5], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [2], [3, 4], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
