# Comparisons in conditions: krait emits COMPARE_OP, TO_BOOL, POP_JUMP_IF_*;
# the fast tier skips the TO_BOOL of a bool it made and branches directly.
# Covers ints, floats, strs, `in`/`is`, values kept (no branch), chains,
# rich comparisons returning non-bools, and a __bool__ that raises.
class Weird:
    def __init__(self, v): self.v = v
    def __lt__(self, other): return Truthy(self.v < other)
    def __eq__(self, other): return [] if self.v == other else [1]
class Truthy:
    def __init__(self, b): self.b = b
    def __bool__(self):
        print("Truthy.__bool__", self.b)
        return self.b
class Raises:
    def __bool__(self): raise ValueError("no truth here")
class Cmp:
    def __lt__(self, other): return Raises()

for i in range(6):
    if i < 3: print("lt3", i)
    if i >= 4: print("ge4", i)
    if i == 2.0: print("eq 2.0")
    if "a" * i < "aaa": print("str lt", i)
    if i in (1, 5): print("in", i)
    if i not in {0, 1, 2}: print("not in", i)
    if i is None: print("never")
    flag = i < 2
    print(flag, type(flag).__name__, i != 4, not i > 1)
    x = "yes" if i <= 1 else "no"
    print(x)
    y = i < 2 or i > 4
    z = i > 1 and i < 4
    print(y, z)

n = 0
while n < 3:
    n += 1
print("n", n)
print([k for k in range(10) if k % 3 == 0 if k != 6])

w = Weird(1)
if w < 2: print("weird lt true")
if w < 0: print("never")
else: print("weird lt false")
if w == 1: print("never (empty list is falsy)")
else: print("eq gave []")
print(type(w < 2).__name__, w == 2)

try:
    assert 3 < 2, "three is not less than two"
except AssertionError as e:
    print("AssertionError", e)
try:
    if Cmp() < 1: print("never")
except ValueError as e:
    print("ValueError", e)

def deep(v):
    if Cmp() < v:
        return "never"
    return "no"
deep(1)
