# Defining __eq__ without __hash__ makes instances unhashable.
class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        return isinstance(other, P) and self.x == other.x

print(P(1) == P(1), P(1) != P(2), P(1) == 1)
print(P.__hash__)
try:
    {P(1)}
except TypeError as e:
    print(type(e).__name__, e)

class H(P):
    def __hash__(self):
        return hash(self.x)
s = {H(1), H(1), H(2)}
print(len(s))
d = {H(5): "five"}
print(d[H(5)])

class Plain:
    pass
a = Plain()
print(a == a, a == Plain(), hash(a) == hash(a))

class Inherit(H):
    def __eq__(self, other):
        return True
print(Inherit.__hash__)
class Explicit:
    __hash__ = None
try:
    hash(Explicit())
except TypeError as e:
    print(type(e).__name__, e)
