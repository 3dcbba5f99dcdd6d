# Dict lookups and stores through the fast key comparison: equal strings
# that are different objects, ints colliding with other keys on the hash
# (-1 and -2 share one), numbers of other types, NaN identity, big ints,
# a key whose __eq__ raises or mutates the dict mid-lookup, subclasses.
words = "alpha beta gamma alpha beta alpha".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts, "al" + "pha" in counts, counts["".join(["be", "ta"])])

d = {-1: "minus one", -2: "minus two"}
print(hash(-1) == hash(-2), d[-1], d[-2], -1 in d, -3 in d)
d[-2] = "again"
print(d)

mixed = {1: "int", 2.5: "float", "1": "str", (1, 2): "tuple", None: "none"}
print(mixed[True], mixed[1.0], mixed[2.5], mixed["1"], mixed[(1, 2)], mixed[None])
mixed[True] = "bool stored under int"
mixed[1.0] = "float stored under int"
print(mixed)

nan = float("nan")
nd = {nan: "nan"}
print(nd[nan], nan in nd, float("nan") in nd)

big = 2 ** 70
bd = {big: "big", 2 ** 64: "pow"}
print(bd[2 ** 70], (2 ** 64) in bd, bd.get(2 ** 71, "absent"))

class Boom:
    def __hash__(self):
        return 5
    def __eq__(self, other):
        raise ValueError("no comparing")
bd2 = {6: "six"}
bd2[Boom()] = "boom"
for probe in (Boom(), 5):
    try:
        bd2[probe]
    except ValueError as e:
        print("ValueError", e)
print(bd2[6], 6 in bd2, 7 in bd2)

class Mutator:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 11
    def __eq__(self, other):
        self.target.clear()
        return False
md = {}
md[Mutator(md)] = 1
print(Mutator(md) in md, md)

class S(str):
    pass
sd = {"k": 1}
print(sd[S("k")], S("k") in sd)
sd[S("k")] = 2
print(sd, type(list(sd)[0]).__name__)

class D(dict):
    def __getitem__(self, key):
        return "overridden " + str(key)
    def __contains__(self, key):
        return True
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 2)
dd = D()
dd["x"] = 3
print(dd["x"], "y" in dd, dict.__getitem__(dd, "x"))

many = {}
for i in range(1000):
    many[i * 7919 % 1009] = i
print(len(many), many[0], many[1008], sum(many))
for i in range(0, 1000, 3):
    del many[i * 7919 % 1009]
print(len(many), 7919 % 1009 in many, sum(k for k in many if k in many))
keys = [str(i) for i in range(300)]
sd = dict.fromkeys(keys, 0)
for k in keys:
    sd[str(int(k))] += 1
print(sum(sd.values()), sd["299"])
print({}["missing"])
