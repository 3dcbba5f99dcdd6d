# frozenset: hashability, immutability, mixing with set.
f = frozenset([3, 1, 2])
print(f, sorted(f), len(f), 2 in f)
print(f | {4}, type(f | {4}).__name__, type({4} | f).__name__)
print({f: "as a key"}[frozenset({1, 2, 3})])
print({frozenset({1}), frozenset({1})} == {frozenset({1})})
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
print(frozenset() == set(), frozenset([1]) < frozenset([1, 2]), f.issuperset([1]))
nested = {frozenset({1, 2}), frozenset({3})}
print(sorted(sorted(x) for x in nested))
print(hash(frozenset()) == hash(frozenset()))
