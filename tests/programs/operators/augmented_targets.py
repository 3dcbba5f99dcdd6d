# Augmented assignment to attributes and subscripts evaluates the target once.
class Box:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        print("get v")
        return self._v
    @v.setter
    def v(self, value):
        print("set v", value)
        self._v = value

b = Box()
b.v += 10
print(b._v)

class Store(dict):
    def __getitem__(self, k):
        print("getitem", k)
        return super().__getitem__(k)
    def __setitem__(self, k, v):
        print("setitem", k, v)
        super().__setitem__(k, v)

def key():
    print("key evaluated")
    return "k"
s = Store(k=5)
s[key()] *= 3
print(dict(s))
grid = [[0, 0], [0, 0]]
grid[1][0] += 7
grid[0][-1] -= 2
print(grid)
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
