# Deep __eq__ chains and deeply nested container comparisons.
class Link:
    def __init__(self, nxt):
        self.nxt = nxt
    def __eq__(self, other):
        return self.nxt == other.nxt

a = b = None
for _ in range(500):
    a, b = Link(a), Link(b)
print("depth 500 equal:", a == b)

a = b = None
for _ in range(100000):
    a, b = Link(a), Link(b)
try:
    print(a == b)
except RecursionError as e:
    print(type(e).__name__, e)

x, y = [], []
for _ in range(1000):
    x, y = [x], [y]
print("nested lists depth 1000 equal:", x == y)

class Cyclic:
    def __eq__(self, other):
        return [self] == [other]
try:
    Cyclic() == Cyclic()
except RecursionError as e:
    print("cyclic:", type(e).__name__, e)
print("recovered", [1, [2]] == [1, [2]])
