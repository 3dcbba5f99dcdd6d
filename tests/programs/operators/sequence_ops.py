# Sequence concatenation, repetition and comparison across types.
print([1, 2] + [3], (1,) + (2, 3), "ab" + "cd", b"x" + b"y")
print([0] * 3, 3 * "ab", (1, 2) * 2, [1] * 0, "x" * -2)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], (2,) > (1, 9, 9))
print("abc" < "abd", "Z" < "a", "" < "a", b"a" < b"b")
print([1, [2, 3]] == [1, [2, 3]], [1, 2] == (1, 2), list((1, 2)) == [1, 2])
lst = [[]] * 3
lst[0].append("shared")
print(lst)
try:
    [1] * "3"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" < 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print(type(e).__name__, e)
print(max([3, 1], [3, 0, 5]), min("apple", "apricot"))
