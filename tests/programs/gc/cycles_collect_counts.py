# gc.collect() returns the number of unreachable objects it found; these
# cycles have the same object count in every implementation of them.
import gc

gc.collect()

a = []
a.append(a)
del a
print("list self-cycle", gc.collect())

d = {}
d["self"] = d
del d
print("dict self-cycle", gc.collect())

class Node:
    pass

n = Node()
n.me = n
del n
print("instance self-cycle", gc.collect())

n = Node()
n.__dict__
n.me = n
del n
print("instance with materialised __dict__", gc.collect())

a = Node()
b = Node()
a.other = b
b.other = a
del a, b
print("two instances", gc.collect())

l = []
t = (l,)
l.append(t)
del l, t
print("list and tuple", gc.collect())

def make_closure():
    def inner():
        return inner
    return inner

f = make_closure()
del f
print("closure (function, cell, tuple)", gc.collect())

x = Node()
x.items = {x}
del x
print("instance and set", gc.collect())

ring = [Node() for i in range(10)]
for i, node in enumerate(ring):
    node.next = ring[(i + 1) % 10]
del ring, node
print("ring of ten", gc.collect())

keep = []
keep.append(keep)
print("still referenced", gc.collect())
print(keep is keep[0])

print("nothing left", gc.collect())
print("collect(0)", gc.collect(0), "collect(1)", gc.collect(1), "collect(2)", gc.collect(generation=2))
