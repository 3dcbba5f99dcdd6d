# Which objects the collector tracks: containers only, and (as CPython 3.14)
# tuples only when an item is a container; a collection stops tracking
# tuples whose items are all untracked.
import gc

x = 5

class A:
    pass

a = A()

def f(*args):
    return args

print("atoms", [gc.is_tracked(o) for o in (1, 2**100, 1.5, "s", b"b", None, True, range(3), object())])
print("containers", [gc.is_tracked(o) for o in ([], {}, {1: 2}, set(), frozenset(), frozenset([1]), a, A, a.__dict__)])
print("callables", [gc.is_tracked(o) for o in (f, len, a.__init__, lambda: 0, [].append)])
print("builtin types", [gc.is_tracked(t) for t in (int, list, type, object, ValueError)])
print("others", [gc.is_tracked(o) for o in (property(), slice(1, 2), iter([]), ValueError(), staticmethod(f), classmethod(f))])
print("empty tuple", gc.is_tracked(()))
print("constant tuple", gc.is_tracked((1, 2)))

cases = {
    "ints": lambda: (x, x),
    "str": lambda: (x, "ab" + str(x)),
    "bigint": lambda: (x, 2**100),
    "float": lambda: (x, 1.5),
    "none": lambda: (None, None),
    "object()": lambda: (x, object()),
    "instance": lambda: (x, a),
    "function": lambda: (x, f),
    "list": lambda: (x, []),
    "empty tuple": lambda: (x, ()),
    "nested atoms": lambda: (x, (x, x)),
    "nested list": lambda: (x, (x, [])),
    "builtin type": lambda: (x, int),
    "class": lambda: (x, A),
    "*args atoms": lambda: f(x, "s"),
    "*args list": lambda: f(x, []),
    "*args tuple": lambda: f((x, x)),
}
for name, make in cases.items():
    t = make()
    before = gc.is_tracked(t)
    gc.collect()
    print(name, before, gc.is_tracked(t))

l = []
t = (l,)
gc.collect()
print("tuple of a list after collect", gc.is_tracked(t))
l = None
