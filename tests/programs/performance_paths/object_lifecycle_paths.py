# Allocation and death of objects on the fast paths: instances with and
# without attributes, __slots__, subclasses of builtins, generators (done,
# suspended, never started), lists and tuples made by the interpreter.
# Pins __del__ order and timing, weakref callbacks, gc counts staying
# balanced, and reference counts seen by sys.getrefcount.
import gc
import sys
import weakref

log = []


class Plain:
    def __init__(self, a):
        self.a = a
        self.b = a * 2


class WithDel:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("del " + self.name)


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


class MyList(list):
    def __del__(self):
        log.append("del MyList %d" % len(self))


class MyTuple(tuple):
    pass


# Plain instances die at once; their attribute values are released.
marker = object()
before = sys.getrefcount(marker)
for i in range(1000):
    p = Plain(i)
    p.c = marker
del p
print("marker refs back:", sys.getrefcount(marker) == before)

# __del__ runs at the moment the last reference goes, in order.
a = WithDel("a")
b = WithDel("b")
del a
log.append("between")
del b
print(log)
log.clear()

# A finalizer that resurrects runs once only.
keep = []


class Phoenix:
    def __del__(self):
        log.append("phoenix del")
        keep.append(self)


ph = Phoenix()
del ph
print(log, len(keep))
keep.clear()
print(log)
log.clear()

# Weak reference callbacks run when the referent dies, before the next line.
def callback(ref):
    log.append("callback")


w = WithDel("weak")
r = weakref.ref(w, callback)
del w
log.append("after")
print(log, r())
log.clear()

# __slots__ values are released with the instance.
before = sys.getrefcount(marker)
s = Slotted(marker)
s.y = marker
print("slot refs:", sys.getrefcount(marker) - before)
del s
print("slot refs after:", sys.getrefcount(marker) - before)

# Subclasses of builtins: attributes, __del__, weak references.
ml = MyList([1, 2, 3])
ml.tag = marker
del ml
print(log)
log.clear()
mt = MyTuple((1, 2))
mt.attr = 5
try:
    weakref.ref(mt)
except TypeError as e:
    print("TypeError:", e)
print(mt, mt.attr)
del mt


# Generators: finished, suspended (closed on death), never started.
def gen(name):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally " + name)


for x in gen("done"):
    pass
g = gen("suspended")
next(g)
del g
log.append("after suspended")
g = gen("unstarted")
del g
print(log)
log.clear()

# gc counts stay balanced across many short-lived containers.
gc.collect()
start = gc.get_count()[0]
for i in range(5000):
    l = [i, i]
    t = (i, [i])
    d = {"k": i}
    o = Plain(i)
del l, t, d, o
print("count grew by less than 10:", gc.get_count()[0] - start < 10)
print("threshold:", gc.get_threshold())

# A cycle of instances with __del__ is collected and finalized.
c1 = WithDel("c1")
c2 = WithDel("c2")
c1.other = c2
c2.other = c1
del c1, c2
gc.collect()
print(sorted(log))
log.clear()

# Lists and tuples built by the interpreter hold their own references.
before = sys.getrefcount(marker)
lst = [marker, marker]
tup = (marker, marker, lst)
print("list/tuple refs:", sys.getrefcount(marker) - before)
del lst, tup
print("list/tuple refs after:", sys.getrefcount(marker) - before)
empty = ()
print([] is not [], empty is tuple())

# A long chain of nested lists and instances is freed without recursion
# errors.
chain = None
for i in range(100000):
    chain = [chain]
del chain
node = None
for i in range(100000):
    n = Plain(i)
    n.next = node
    node = n
del node, n
print("chains freed")
