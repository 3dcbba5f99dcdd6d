# Frames pushed by the fast call path borrow their function's code and
# namespaces: these check that frames, frame objects and generators that
# outlive their function (deleted, cleared, collected) still see them.
import gc
import sys


def make_function():
    # A function whose globals are a dict of its own: only the function
    # (and its frames) keep that dict alive.
    namespace = {"sys": sys, "marker": "own globals"}
    exec("def probe(a, b=2):\n    return sys._getframe(), marker, a + b\n", namespace)
    return namespace["probe"]


probe = make_function()
frame, marker, total = probe(1)
del probe
gc.collect()
print(marker, total, frame.f_code.co_name, frame.f_globals["marker"])
print(sorted(frame.f_locals.items()))
frame.clear()
print(frame.f_globals["marker"], frame.f_builtins is __builtins__.__dict__)


def make_generator_function():
    namespace = {"sys": sys, "marker": "generator globals"}
    exec("def gen(n):\n    yield sys._getframe()\n    yield marker\n", namespace)
    return namespace["gen"]


g = make_generator_function()(3)
del make_generator_function
gframe = next(g)
print(next(g), gframe.f_globals["marker"], g.gi_code.co_name)
g.close()
print(g.gi_frame, gframe.f_globals["marker"])


# A suspended generator in a reference cycle with its function's
# globals, collected whole.
def cycle():
    namespace = {"marker": "cycle"}
    exec("def gen():\n    yield marker\n    yield marker\n", namespace)
    it = namespace["gen"]()
    print(next(it))
    namespace["keep"] = it


cycle()
print("collected", gc.collect() > 0)


# Bound methods: the method object dies on the call, the function lives.
class Box:
    def grab(self, x):
        return sys._getframe(), x


f, x = Box().grab(5)
print(f.f_code.co_name, x, f.f_locals["x"])


# __init__ frames and deep recursion still balance.
class Point:
    def __init__(self, x, y=0):
        self.x, self.y = x, y


print([(p.x, p.y) for p in (Point(1), Point(2, 3))])


def depth(n):
    return depth(n - 1) if n else sys._getframe()


print(depth(200).f_back.f_code.co_name)
try:
    depth(100000)
except RecursionError as e:
    print("RecursionError", e)
