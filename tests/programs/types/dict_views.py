# dict views: keys/values/items, live updates, set operations, reversed.
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d["d"] = 4
print(list(k), list(v), len(i))
print("a" in k, 2 in v, ("b", 2) in i, ("b", 3) in i)
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "y"}))
print(list(reversed(k)), list(reversed(i)))
print(k == {"a", "b", "c", "d"}, v == v)
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
print(k.mapping["a"])
print(type(k).__name__, type(v).__name__, type(i).__name__)
