# list(), tuple(), dict(), set(), frozenset() constructors.
print(list(), list("ab"), list((1, 2)), list({"k": 1}), list(range(3)))
print(tuple(), tuple([1]), tuple("xy"))
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"m": 1}, n=2))
print(dict(zip("ab", range(2))), dict.fromkeys("abc", 0))
print(sorted(set([3, 1, 3])), set(), frozenset(), sorted(frozenset(range(3))))
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    set([[1]])
except TypeError as e:
    print(type(e).__name__, e)
