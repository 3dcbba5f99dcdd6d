# Edges of the fast Python-to-Python call: the recursion limit reached
# exactly, defaults, keyword-only parameters, closures and cells, stored
# bound methods (split into function and self), `__init__` frames, frame
# objects taken inside fast-called functions.
import sys


# The recursion limit, reached exactly: with the limit set to the current
# depth plus k, k nested calls fit and k + 1 do not.
def depth_here():
    d = 0
    f = sys._getframe()
    while f is not None:
        d += 1
        f = f.f_back
    return d


def nest(n):
    if n == 0:
        return 0
    return nest(n - 1) + 1


old = sys.getrecursionlimit()
base = depth_here()
for k in (40, 41):
    sys.setrecursionlimit(base + k)
    results = []
    for n in range(k - 6, k + 2):
        try:
            results.append(nest(n))
        except RecursionError as e:
            results.append("RecursionError")
    # The deepest success and the first failure sit next to each other.
    first_fail = results.index("RecursionError") if "RecursionError" in results else None
    print(k, first_fail, results)
sys.setrecursionlimit(old)


# Bound methods through the limit too.
class Deep:
    def down(self, n):
        return 0 if n == 0 else self.down(n - 1) + 1

d = Deep()
stored = d.down
print(stored(100))
try:
    stored(10**6)
except RecursionError as e:
    print("RecursionError:", e)


# Defaults, keyword-only parameters (general path), closures and cells.
def defaults(a, b=[1], c=None):
    return a, b, c

print(defaults(0), defaults(0, 2), defaults(0, 2, 3))

def kwonly(a, *, k=5):
    return a, k

print(kwonly(1), kwonly(1, k=2))
try:
    kwonly(1, 2)
except TypeError as e:
    print("TypeError:", e)

def outer(x):
    y = x * 2
    def inner(z):
        nonlocal y
        y += z
        return x + y
    def cell_arg(x):
        # An argument that is also a cell (captured below).
        get = lambda: x
        x = x + 1
        return get()
    return inner, cell_arg

inner, cell_arg = outer(3)
print(inner(1), inner(1), cell_arg(10))

def cell_param(a, b=4):
    def show():
        return a, b
    a += 1
    return show()

print(cell_param(1), cell_param(1, 2))


# A stored bound method: the function runs with the method's self; the
# wrong counts raise from the general path with the method's name.
class Counter:
    def __init__(self, start=0):
        self.n = start

    def add(self, k=1):
        self.n += k
        return self.n

c = Counter()
add = c.add
print(add(), add(5), c.n)
for args in ((1, 2), (1, 2, 3)):
    try:
        add(*args)
    except TypeError as e:
        print("TypeError:", e)
print(sys.getrefcount(add) == sys.getrefcount(c.add) + 0 or True)
refs_before = sys.getrefcount(c)
add(0)
print(sys.getrefcount(c) == refs_before)


# `__init__` through the fast path, its defaults, a declined one, and an
# `__init__` that returns something.
class WithInit:
    def __init__(self, a, b=2):
        self.total = a + b

print(WithInit(1).total, WithInit(1, 1).total)
try:
    WithInit()
except TypeError as e:
    print("TypeError:", e)
try:
    WithInit(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)

class BadInit:
    def __init__(self):
        return 1

try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)


# Frame objects taken inside fast-called functions: f_back, f_locals,
# f_code, and frames kept after their function returned.
def taker(a, b=10):
    local = a + b
    f = sys._getframe()
    return f, f.f_back.f_code.co_name, dict(f.f_locals)

def caller_of_taker():
    return taker(1)

frame, back_name, locals_seen = caller_of_taker()
print(back_name, locals_seen == {"a": 1, "b": 10, "local": 11, "f": frame})
print(frame.f_code.co_name, frame.f_locals["local"], frame.f_back is None or frame.f_back.f_code.co_name)

def chain(n):
    if n == 0:
        f = sys._getframe()
        names = []
        while f is not None and f.f_code.co_name != "<module>":
            names.append((f.f_code.co_name, f.f_locals.get("n")))
            f = f.f_back
        return names
    return chain(n - 1)

print(chain(3))

class Meth:
    def get(self, x):
        return sys._getframe(1).f_code.co_name, sys._getframe().f_locals["x"]

def via_method():
    m = Meth().get
    return m(7), Meth().get(8)

print(via_method())
