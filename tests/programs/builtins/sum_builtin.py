# sum with start values, floats, and type errors.
print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(101)))
print(sum([0.1] * 10), sum([1, 2.5]), sum([True, True, False]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print(sum((x * x for x in range(5)), start=100))
print(sum([1e100, 1.0, -1e100]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum(["a", "b"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum(5)
except TypeError as e:
    print(type(e).__name__, e)
print(sum([10 ** 20, 10 ** 20]), sum([complex(1, 2), 3]))
