# Dict subscripts, stores and membership through the fast tier: str and int
# keys, equal numbers of other types, str subclasses with their own hash,
# missing keys, __missing__, unhashable keys, keys compared by __eq__.
d = {"a": 1, 2: "two", 1.0: "float one", True: "ignored?"}
print(d)
for k in ("a", 2, 1, 1.0, True):
    print(repr(k), d[k], k in d, k not in d)
for k in ("b", 3, None):
    print(repr(k), k in d)
    try:
        d[k]
    except KeyError as e:
        print("KeyError", e)
class S(str):
    def __hash__(self):
        return 7
    def __eq__(self, other):
        return str(self) == str(other)
d[S("a")] = "sub"
print(d["a"], d[S("a")], S("a") in d, S("zz") in d)
class D(dict):
    def __missing__(self, key):
        return "missing " + str(key)
dd = D(x=1)
print(dd["x"], dd["y"], "y" in dd)
try:
    d[[1]] = 2
except TypeError as e:
    print(e)
try:
    [1] in d
except TypeError as e:
    print(e)
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
squares = {}
for i in range(10):
    squares[i] = i * i
    squares[i] += 1
print(squares, 5 in squares, 50 in squares)
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): print("eq called"); return isinstance(o, K) and o.v == self.v
kd = {K(1): "k1"}
print(kd[K(1)], K(1) in kd, 1 in kd)
lst = [0, 1, 2]
lst[1] = "x"
try:
    lst[5] = 1
except IndexError as e:
    print(e)
print(lst)
