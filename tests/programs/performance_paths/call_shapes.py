# One call site reaching functions of different parameter shapes (simple,
# defaults, *args, keyword-only, **kwargs), defaults replaced after the
# function was called, and the errors of calls the fast paths decline.

def simple(a, b):
    return ("simple", a, b)

def with_defaults(a, b=2, c=3):
    return ("defaults", a, b, c)

def star(a, *rest):
    return ("star", a, rest)

def star_only(*rest):
    return ("star_only", rest)

def kwonly(a, *, k=5):
    return ("kwonly", a, k)

def star_kw(a, *rest, **kw):
    return ("star_kw", a, rest, kw)

def star_cell(a, *rest):
    def inner():
        return (a, rest)
    return ("star_cell", inner())

funcs = [simple, with_defaults, star, star_only, kwonly, star_kw, star_cell]
for f in funcs:
    for args in [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4)]:
        try:
            print(f(*args) if len(args) == 0 else f(args[0], *args[1:]))
        except TypeError as e:
            print("TypeError:", e)

# The same call site with fixed argument counts, so the CALL instruction
# itself sees each shape.
for f in funcs:
    try:
        print(f(10, 20))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(f(10))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)

# *args receives the empty tuple when nothing is left over.
print(star(1)[2] == (), type(star(1)[2]))
print(star_only() == ())

# Defaults replaced after calls (the shape is the code's, the defaults
# are read per call).
def g(a, b=1):
    return (a, b)

for i in range(3):
    print(g(i))
g.__defaults__ = (100,)
print(g(0))
g.__defaults__ = None
try:
    g(0)
except TypeError as e:
    print("TypeError:", e)
g.__defaults__ = (7, 8)
print(g())
print(g(1))

# Bound methods with *args, through the same site as plain functions.
class C:
    def m(self, *rest):
        return ("m", rest)

    def n(self, a):
        return ("n", a)

c = C()
for meth in [c.m, c.n, C().m]:
    try:
        print(meth(1))
    except TypeError as e:
        print("TypeError:", e)
print(c.m())
print(c.m(1, 2, 3))
try:
    c.n()
except TypeError as e:
    print("TypeError:", e)

# Reference counts of arguments collected into *args are unchanged after
# the call.
import sys
obj = object()
before = sys.getrefcount(obj)
for i in range(5):
    star(obj, obj, obj)
print(sys.getrefcount(obj) == before)

# Keep the collected tuple alive past the call.
kept = star(1, obj, [2])[2]
print(kept[0] is obj, kept[1])

# Recursion through a *args function hits the limit with CPython's message.
def deep(*a):
    return deep(*a, 1) if len(a) < 10**6 else a

try:
    deep()
except RecursionError as e:
    print("RecursionError:", e)

def deep2(n, *a):
    return deep2(n + 1, n)

try:
    deep2(0)
except RecursionError as e:
    print("RecursionError:", e)

# A traceback through *args frames.
def fail(*a):
    return a[5]

def outer(x, *y):
    return fail(x, *y)

outer(1, 2)
