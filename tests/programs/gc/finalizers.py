# __del__ runs exactly once (PEP 442): when reference counting frees an
# object, and for garbage cycles during gc.collect(), before the cycle is
# cleared; a resurrected object survives and is not finalized again.
import gc

class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

gc.collect()

x = Loud("refcount")
x = None
print("after rebinding")

def scope():
    local = Loud("local")
    print("leaving scope")

scope()
print("after scope")

l = [Loud("first"), Loud("second"), Loud("third")]
del l
print("after list")

t = (Loud("t1"), Loud("t2"))
del t
print("after tuple")

d = {"a": Loud("d1"), "b": Loud("d2")}
del d
print("after dict")

outer = Loud("outer")
outer.inner = Loud("inner")
del outer
print("after nested")

a = Loud("cycle-a")
b = Loud("cycle-b")
a.other = b
b.other = a
del a, b
print("before collect")
print("collected", gc.collect())
print("after collect")

saved = []

class Phoenix:
    def __del__(self):
        print("phoenix finalized; finalized flag:", gc.is_finalized(self))
        saved.append(self)

p = Phoenix()
p.me = p
print("finalized before:", gc.is_finalized(p))
del p
print("collected", gc.collect())
print("resurrected:", len(saved), gc.is_finalized(saved[0]))
saved[0].me = None
saved.clear()
print("second death runs no finalizer")
print("collected", gc.collect())

class Raises:
    def __del__(self):
        try:
            raise ValueError("inside __del__")
        except ValueError as e:
            print("caught", e)

r = Raises()
r.me = r
del r
print("collected", gc.collect())

class Chain:
    def __init__(self, name, nxt):
        self.name = name
        self.nxt = nxt

    def __del__(self):
        print("del chain", self.name, "next is", None if self.nxt is None else self.nxt.name)

c = Chain("c3", None)
c = Chain("c2", c)
c = Chain("c1", c)
del c
print("done")
