# dict | and |= merge operators, ** unpacking and ordering.
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a)
a |= b
print(a)
a |= [("w", 0)]
print(a)
print({**b, "extra": 1, **{"z": 0}})
try:
    {} | [("k", 1)]
except TypeError as e:
    print(type(e).__name__, e)
d = {}
d[3] = "three"
d[1] = "one"
d[2] = "two"
del d[1]
d[1] = "one again"
print(d, list(d))
print({1: "int", 1.0: "float", True: "bool"})
