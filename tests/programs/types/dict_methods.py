# dict methods: get/setdefault/pop/popitem/update/fromkeys/copy/clear.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("b"), d.pop("zz", "default"), d)
d.update({"x": 9}, y=10)
d.update([("z", 11)])
print(d)
print(d.popitem(), d)
print(dict.fromkeys(["p", "q"]), dict.fromkeys("ab", []))
c = d.copy()
c["new"] = 1
print(d, c)
c.clear()
print(c, len(c))
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    d.pop("missing")
except KeyError as e:
    print(type(e).__name__, e)
shared = dict.fromkeys("ab", [])
shared["a"].append(1)
print(shared)
