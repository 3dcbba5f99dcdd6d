"""Cached attribute stores and loads keep CPython's behaviour: the
insertion order of an instance's attributes through replacing stores,
deletes and re-adds; a method shadowed by an instance attribute added
after the class's keys grew; stores through a site seeing several
classes; a finalizer run by a replacing store."""


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def m(self):
        return "method"


objs = [P(i, -i) for i in range(4)]
for i in range(5):
    for o in objs:
        o.a = i  # replaces: order unchanged
print([list(vars(o)) for o in objs[:2]], objs[3].a)

o = objs[0]
del o.a
o.c = 1
for i in range(3):
    o.a = i  # a first store again: goes last
print(list(vars(o)), vars(o))

# The class's keys grow (a new name), then an instance shadows a method.
results = []
for i in range(6):
    p = objs[1]
    results.append(p.m() if callable(p.m) else p.m)
    if i == 1:
        objs[2].extra = 1
    if i == 3:
        p.m = "shadowed"
print(results)
del objs[1].m
print(objs[1].m())


# One store site, several classes (the polymorphic cache).
class Q:
    pass


class R(P):
    pass


def setter(target, value):
    target.a = value


things = [P(0, 0), Q(), R(0, 0), Q(), P(1, 1)]
for n in range(3):
    for t in things:
        setter(t, n)
print([(type(t).__name__, t.a, list(vars(t))) for t in things])


# A replacing store drops the old value at once: its finalizer runs.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


holder = P(None, None)
for i in range(3):
    holder.a = Noisy(i)
    print("stored", i)
holder.a = None
print("done")

# Storing to a read-only attribute still raises from the cached site.
for i in range(2):
    try:
        setter(1, i)
    except AttributeError as e:
        print("AttributeError", e)
