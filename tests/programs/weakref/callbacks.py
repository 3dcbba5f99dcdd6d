# Weak reference callbacks: the reference is already dead when its callback
# runs, callbacks run newest first, a reference that dies first never calls
# back, and exceptions in callbacks are reported and ignored.
import weakref


class C:
    def __init__(self, name):
        self.name = name


class Callback:
    def __init__(self, label):
        self.label = label

    def __call__(self, ref):
        print("callback", self.label, "ref dead:", ref() is None)

    def __repr__(self):
        return f"<Callback {self.label}>"


c = C("c")
r1 = weakref.ref(c, Callback(1))
r2 = weakref.ref(c, Callback(2))
r3 = weakref.ref(c, Callback(3))
plain = weakref.ref(c)
print("deleting")
del c
print("deleted", plain())

# The callback receives the reference object itself.
seen = []
d = C("d")
rd = weakref.ref(d, seen.append)
del d
print(seen[0] is rd)

# A reference that dies before its referent never calls back.
e = C("e")
re_ = weakref.ref(e, Callback("never"))
del re_
del e
print("no callback for a dead reference")

# A callback that raises: reported on stderr, execution continues.
def bad(ref):
    raise ValueError("boom in callback")


class Named:
    def __call__(self, ref):
        raise KeyError("named")

    def __repr__(self):
        return "<Named callback>"


f = C("f")
rf = weakref.ref(f, Named())
del f
print("after the failing callback")

# Referents dying inside a container: callbacks in death order.
items = [C(i) for i in range(3)]
refs = [weakref.ref(item, Callback(f"item{item.name}")) for item in items]
del items
print("list freed")

# A callback may make new weak references and new objects.
log = []


def chain(ref):
    g2 = C("g2")
    log.append(weakref.ref(g2)() is g2)


g = C("g")
rg = weakref.ref(g, chain)
del g
print(log)
