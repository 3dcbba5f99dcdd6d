# KeyError from dict access, missing keys, __missing__ in subclasses.
d = {"a": 1}
try:
    d["b"]
except KeyError as e:
    print(type(e).__name__, e, repr(e))
try:
    del d["b"]
except KeyError as e:
    print(type(e).__name__, e)
class Default(dict):
    def __missing__(self, key):
        return f"<no {key}>"
dd = Default(a=1)
print(dd["a"], dd["zz"], "zz" in dd, dd.get("zz"))
try:
    d[[1]]
except TypeError as e:
    print(type(e).__name__, e)
try:
    d[{}] = 1
except TypeError as e:
    print(type(e).__name__, e)
d[(1, 2)] = "tuple key"
d[None] = "none key"
d[1.5] = "float key"
print(d)
print(d[1, 2])
print(d["nope"])
