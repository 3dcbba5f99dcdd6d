# LOAD_SPECIAL answers are remembered per type version: alternating
# managers, a replaced __enter__, a deleted __exit__.
class A:
    def __enter__(self): return "A"
    def __exit__(self, *a): print("exitA")
class B:
    def __enter__(self): return "B"
    def __exit__(self, t, v, tb): print("exitB")
for i in range(3):
    for cm in (A(), B()):
        with cm as x: print(x)
A.__enter__ = lambda self: "A2"
with A() as x: print(x)
del A.__exit__
try:
    with A() as x: print(x)
except TypeError as e: print(e)
