# Freeing a chain deeper than the nesting limit of deallocation (the rest is
# queued and freed by the outermost free): __del__ runs once per object, in
# CPython's order, weak reference callbacks fire for every queued object,
# and a weak reference itself in the chain is freed cleanly.
import weakref

log = []


class Finalized:
    def __init__(self, n, nxt):
        self.n = n
        self.next = nxt

    def __del__(self):
        log.append(self.n)


head = None
for i in range(300):
    head = Finalized(i, head)
del head
print("finalized:", len(log), "distinct:", len(set(log)))
print("first:", log[:5], "last:", log[-5:])


class Node:
    def __init__(self, n, nxt):
        self.n = n
        self.next = nxt


fired = []
head = None
refs = []
for i in range(300):
    head = Node(i, head)
    refs.append(weakref.ref(head, lambda r, i=i: fired.append(i)))
del head
print("callbacks:", len(fired), "first:", fired[:3], "last:", fired[-3:])
print("all dead:", all(r() is None for r in refs))

# Weak references held inside the chain die with it.
head = None
keep = []
for i in range(300):
    target = Node(-i, None)
    keep.append(target)
    head = (weakref.ref(target), head)
del head
print("targets alive:", all(t.n <= 0 for t in keep))

# A chain of tuples and lists mixed, deeper than the limit, twice.
for round in range(2):
    nested = None
    for i in range(10000):
        nested = [i, (nested,)]
    nested = None
print("mixed chains freed")
