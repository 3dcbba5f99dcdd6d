# Weak references and the cycle collector: references to garbage are
# cleared before finalizers run, callbacks of references that are garbage
# themselves are not called, references do not keep anything alive.
import gc
import sys
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


def report(ref):
    print("callback: referent gone:", ref() is None)


a, b = Node("a"), Node("b")
a.other, b.other = b, a
ra = weakref.ref(a, report)
rb = weakref.ref(b)
del a, b
print("alive before collect:", ra() is not None, rb() is not None)
print("collected:", gc.collect() >= 2)
print("alive after collect:", ra() is not None, rb() is not None)


# Finalizers see weak references to garbage already cleared.
class Dying:
    def __del__(self):
        print("__del__: own weakref cleared:", wr() is None)


d = Dying()
d.self = d
wr = weakref.ref(d, lambda ref: print("callback before __del__"))
del d
gc.collect()


# A weak reference that is part of the garbage: its callback is not called.
class Holder:
    pass


h = Holder()
h.self = h
h.ref = weakref.ref(h, lambda ref: print("never printed"))
del h
gc.collect()
print("garbage reference: no callback")

# Weak references to garbage from a garbage referent, held elsewhere.
keep = []
g = Holder()
g.self = g
keep.append(weakref.ref(g, lambda ref: print("held reference called back")))
del g
gc.collect()
print(keep[0]())

# sys.getrefcount does not see weak references.
x = Holder()
n = sys.getrefcount(x)
refs = [weakref.ref(x), weakref.proxy(x), weakref.ref(x, print)]
print(sys.getrefcount(x) == n)

# A weak reference does not keep a cycle alive, and the collector can
# free a cycle through a callback.
class Cyc:
    pass


c = Cyc()
c.self = c
c.cb_ref = weakref.ref(c)
rc = weakref.ref(c, lambda ref: None)
del c
gc.collect()
print(rc() is None)

# Deleting by reference counting, with __del__: __del__ first, then the callback.
class WithDel:
    def __del__(self):
        print("__del__ runs; weakref still alive:", wd() is self)


w = WithDel()
wd = weakref.ref(w, lambda ref: print("then the callback"))
del w
print("done")
