# dict and set behaviour at the edges: ordering, views, merging, errors.
d = {"b": 1, "a": 2}
d["c"] = 3
del d["b"]
d["b"] = 4
print(d, list(d), list(reversed(d)), list(reversed(d.items())), list(reversed(d.values())))
print(d | {"a": 0, "z": 9}, {"z": 9} | d, dict.fromkeys("abc"), dict.fromkeys(range(2), 0), dict.fromkeys(set()))
m = dict(zip("xyz", range(3)), w=5)
m.update({"x": 10}, y=20)
m.update([("q", 1)])
m |= {"r": 2}
m |= [("s", 3)]
print(m, m.pop("q"), m.pop("nope", None), m.setdefault("t"), m.setdefault("x", 99), m.popitem(), len(m))
k = m.keys()
print(k & {"x", "nope"}, k - {"x"}, {"y"} | k == set(m), k ^ {"x", "new"} == (set(m) ^ {"x", "new"}))
print(k.isdisjoint({"q"}), m.items() & {("x", 10)}, ("y", 20) in m.items(), ("y", 21) in m.items(), 20 in m.values())
print(k == set(m), k != set(m), k <= set(m) | {"extra"}, k > {"x"}, m.items() == set(m.items()))
print(repr(m.keys()), repr({}.values()), repr({1: 2}.items()), k.mapping, type(k.mapping).__name__)
for bad in [lambda: {}[[1]], lambda: {[1]: 2}, lambda: {}.pop("x"), lambda: {}.popitem(), lambda: dict([(1, 2, 3)]),
            lambda: dict([1]), lambda: dict(1), lambda: {} | [], lambda: dict.fromkeys(1), lambda: {(1, 2): 0}[(1, 3)],
            lambda: {}.setdefault([]), lambda: dict({}, {})]:
    try:
        bad()
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
s = set(["apple", "banana", "cherry", "date", "elder", "fig"])
print(s, sorted(s))
s.discard("banana")
s.add("grape")
print(s, s.pop(), s)
nums = set(range(20))
nums -= set(range(0, 20, 3))
print(nums, {x * 7 % 16 for x in range(16)}, set([-1, -2, 2 ** 61, 2 ** 61 - 1, 0.5, -0.5]))
print({1, 2, 3}.union([4], (5,), {6}), {1, 2, 3}.intersection({2, 3}, [3]), {1, 2, 3}.difference([1], {2}))
print({1, 2}.symmetric_difference([2, 3]), {1, 2} ^ {2, 3}, {1}.issubset([1, 2]), {1, 2}.issuperset([1]))
print(frozenset("abc") | {"d"} == {"a", "b", "c", "d"}, frozenset([1, 2]) == {1, 2}, {frozenset(): 1}[frozenset()])
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), frozenset([1]).copy() is not None, set() < {1}, {1} <= {1})
print({1, 2} in [{2, 1}], {frozenset({1})}.__contains__({1}), len({1, 1.0, True, 2, 2.0}))
for bad in [lambda: {[1]}, lambda: set().pop(), lambda: {1}.remove(2), lambda: {1} | [2], lambda: {1} < [1],
            lambda: hash({1}), lambda: set(1), lambda: frozenset([1]).add(2), lambda: {1}.update(3)]:
    try:
        bad()
    except (TypeError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
grow = {1, 2, 3}
try:
    for item in grow:
        grow.add(item + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
dd = {1: 1, 2: 2}
try:
    for key in dd:
        del dd[key]
except RuntimeError as e:
    print(type(e).__name__, e)
