# __index__ lets objects act as integers for indexing, slicing, bin/hex, range.
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self):
        return self.v

data = "abcdefgh"
print(data[Idx(2)], data[Idx(1):Idx(4)])
print([10, 20, 30][Idx(-1)])
print(bin(Idx(5)), hex(Idx(255)), oct(Idx(8)))
print(list(range(Idx(3))))
print("ab" * Idx(3))
print(int(Idx(7)) if hasattr(Idx, "__int__") else "no __int__", int(Idx(7)))
print(operator_index := __import__("operator").index(Idx(9)))
try:
    data[1.5]
except TypeError as e:
    print(type(e).__name__, e)
class BadIdx:
    def __index__(self):
        return "x"
try:
    data[BadIdx()]
except TypeError as e:
    print(type(e).__name__, e)
