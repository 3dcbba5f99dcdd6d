# Truth tests and compare-and-branch pairs through the fast tier: inline
# values, builtin containers, user __bool__/__len__, proxies, NaN.
import weakref, types
class B:
    def __bool__(self): print("bool"); return False
class L:
    def __len__(self): print("len"); return 0
class E: pass
class BadLen:
    def __len__(self): return -1
class Sub(list): 
    def __len__(self): print("sublen"); return 0
d = {}
vals = [0, 1, -1, 0.0, 2.5, None, True, False, "", "a", [], [1], (), (1,), {}, {1: 2}, set(), {1}, frozenset(), b"", b"x", 10**30, 0*10**30, B(), L(), E(), Sub([1]), types.MappingProxyType(d), types.MappingProxyType({1:1}), range(0), range(3), 1j, 0j]
for v in vals:
    if v: print("T", end=" ")
    else: print("F", end=" ")
    print(not v, bool(v))
    x = 1 if v else 2
    while v:
        break
try:
    if BadLen(): pass
except ValueError as e: print("VE", e)
e = E(); r = weakref.proxy(e)
print(bool(r))
for i in range(5):
    if i < 3 and i != 1: print("a", i)
    elif i is None: print("b")
    if i == 2.0: print("eq")
    if not i > 2: print("le2", i)
a = float("nan")
print(a < 1, a == a, a != a)
if a == a: print("no")
else: print("nan ne")
