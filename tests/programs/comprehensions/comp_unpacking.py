# Unpacking targets in comprehension for clauses.
pairs = [(1, "a"), (2, "b"), (3, "c")]
print([n for n, _ in pairs])
print({s: n for n, s in pairs})
nested = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in nested])
print([first for first, *rest in ["abc", "de", "f"]])
print([rest for first, *rest in ["abc", "de", "f"]])
print([(k, v) for k, v in {"x": 1, "y": 2}.items()])
print(dict((v, k) for k, v in enumerate("xyz")))
try:
    [a for a, b in [(1, 2), (3,)]]
except ValueError as e:
    print(type(e).__name__, e)
print([x for [x] in [[1], [2]]])
