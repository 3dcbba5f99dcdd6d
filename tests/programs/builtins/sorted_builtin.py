# sorted and list.sort: key, reverse, stability, errors.
data = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted("Banana"), sorted("Banana", key=str.lower))
print(sorted([3, 1, 2], reverse=True), sorted({3: "x", 1: "y"}))
print(sorted([-3, 2, -1], key=abs))
words = ["pear", "fig", "apple", "kiwi", "date"]
print(sorted(sorted(words), key=len))
lst = [5, 2, 9]
print(lst.sort(), lst)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([3, 1], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([]), sorted((2, 1)), sorted([0.5, -1, 3, True]))
print(sorted([[2, 1], [1, 5], [1, 2]]))
