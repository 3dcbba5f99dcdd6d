# Dicts preserve insertion order, deletions and reinsertions move keys to the end.
d = {}
for word in "the quick brown fox jumps over the lazy dog".split():
    d[word] = d.get(word, 0) + 1
print(d)
print(list(d)[:3], list(d.values())[-3:])
del d["quick"]
d["quick"] = 99
print(list(d))
d["the"] = 100
print(list(d)[0], d["the"])
e = dict(sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
print(e)
print(list({3: 0, 1: 0, 2: 0}), {v: k for k, v in {"a": 1, "b": 1}.items()})
