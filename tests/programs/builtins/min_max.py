# min and max with key, default, multiple args and errors.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"))
print(min(["bb", "a", "ccc"], key=len), max(["bb", "a", "ccc"], key=len))
print(max([], default="empty"), min((), default=None))
print(max([1, 3, 3, 2], key=lambda x: x // 2))
print(min([(1, "b"), (1, "a")]), max({"x": 2, "y": 1}))
print(max(2, 2.0), max(2.0, 2), min(True, 1))
pairs = [("a", 3), ("b", 3), ("c", 1)]
print(max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: p[1]))
for args in ([], (1, 2, "x")):
    try:
        print(max(*args) if args else max(args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    min()
except TypeError as e:
    print(type(e).__name__, e)
try:
    max(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(type(e).__name__, e)
