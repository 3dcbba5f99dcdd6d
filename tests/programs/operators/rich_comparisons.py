# Rich comparisons: reflection between __lt__/__gt__, __le__/__ge__, __eq__ fallback to identity.
class R:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print(f"__lt__({self.v}, {o.v})")
        return self.v < o.v
    def __ge__(self, o):
        print(f"__ge__({self.v}, {o.v})")
        return self.v >= o.v

a, b = R(1), R(2)
print(a < b)
print(a > b)
print(a >= b)
print(a <= b)
print(a == b, a != b, a == a)
try:
    sorted([R(3), R(1)])
    print("sorted ok")
except TypeError as e:
    print(type(e).__name__, e)

try:
    1 < "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] < (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    None >= None
except TypeError as e:
    print(type(e).__name__, e)
print(1 == "1", 1 != "1", 1 == 1.0, True == 1)
