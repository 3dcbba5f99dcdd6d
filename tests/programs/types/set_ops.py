# set operations on ints: union, intersection, difference, symmetric difference, comparisons.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(range(3)), a.difference({1}), a.symmetric_difference([4, 5]))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a.issubset(range(10)), a.isdisjoint({7}))
print({1, 2} == {2, 1}, {1} == frozenset({1}), set() == set())
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
print(sorted({-1, 5, 3}), len({1, 1.0, True}), {0, False})
print(set("aab") == {"a", "b"}, 2 in a, 9 not in a)
