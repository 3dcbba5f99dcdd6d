# Bound and unbound methods, __self__, __func__, and method equality.
class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v

c = C(3)
m = c.get
print(m(), C.get(c))
print(m.__self__ is c, m.__func__ is C.get)
print(type(m).__name__, type(C.get).__name__)
print(c.get == c.get, c.get is c.get)
print(C(3).get == C(3).get)
getters = [C(i).get for i in range(3)]
print([g() for g in getters])
try:
    C.get()
except TypeError as e:
    print(type(e).__name__, e)
f = C.get
print(f(C("direct")))
print(m.__name__, m.__qualname__)
