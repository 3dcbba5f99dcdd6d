# Chained comparisons evaluate each operand at most once and short-circuit.
def v(label, x):
    print("eval", label)
    return x

print(v("a", 1) < v("b", 2) < v("c", 3))
print(v("a", 1) < v("b", 0) < v("c", 3))
print(1 < 2 > 1.5 != 3 == 3.0)
x = 5
print(0 <= x < 10, 0 <= x < 3)
print(1 == 1 in [1], (1 == 1) in [1])
print("a" < "b" < "c" < "bb")
print([1, 2] < [1, 3] <= [1, 3, 0])
print(None is None is not False)

class Loud:
    def __init__(self, n): self.n = n
    def __lt__(self, other):
        print(f"{self.n} < {other.n}")
        return "truthy-string"
r = Loud(1) < Loud(2) < Loud(3)
print(r)
