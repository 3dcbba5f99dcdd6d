# Generator expressions: first iterable evaluated eagerly, rest lazily.
def source(label, values):
    print("evaluating", label)
    return values
gen = (a * b for a in source("outer", [1, 2]) for b in source("inner", [10, 20]))
print("generator created")
print(list(gen))
n = 1
lazy = (n * k for k in range(3))
n = 100
print(list(lazy))
eager = [n * k for k in range(3)]
print(eager)
try:
    bad = (x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)
lazy_bad = (x for x in [1] for y in 5)
try:
    list(lazy_bad)
except TypeError as e:
    print("raised on iteration:", type(e).__name__, e)
