# Membership in sets and frozensets through the fast tier: ints, strs,
# equal numbers of other types, elements compared by __eq__, str subclasses
# with their own hash, unhashable probes, negation and branches.
s = {1, 2, "a", 3.5, (1, 2), None}
f = frozenset(s)
for k in (1, 1.0, True, 2, "a", "b", 3.5, (1, 2), None, 99, -1):
    print(repr(k), k in s, k not in s, k in f)
class S(str):
    def __hash__(self):
        return 12345
print(S("a") in s, S("a") in {S("a")}, "a" in {S("a")})
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): print("eq"); return getattr(o, "v", o) == self.v
ks = {K(5)}
print(1 in ks, K(5) in ks, 5 in ks)
try:
    [] in s
except TypeError as e:
    print(e)
cols = set()
n = 0
for i in range(20):
    if i % 3 in cols:
        n += 1
    else:
        cols.add(i % 3)
    if i not in cols:
        n += 10
print(n, sorted(cols))
