# list comparison, membership, multiplication aliasing, del of items, IndexError.
a = [1, 2, 3]
print(a == [1, 2, 3], a != [3, 2, 1], a < [1, 2, 4], 2 in a, 5 not in a)
del a[0]
print(a)
try:
    a[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    a[10] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    del a[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    a["0"]
except TypeError as e:
    print(type(e).__name__, e)
grid = [[0] * 2 for _ in range(2)]
grid[0][0] = 1
print(grid)
print(list.__name__, [].__class__ is list, isinstance([], object))
print([1, 2] * 2, [] * 5, [None] * 3)
