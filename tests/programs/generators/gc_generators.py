# Generators and the cycle collector: suspended frames are traversed,
# cyclic garbage holding suspended generators is closed then cleared,
# running generators are left alone.
import gc

gc.disable()

# 1. A generator whose frame refers to itself: only the collector frees it,
#    and its finally block runs first (the generator is finalized).
log = []

def self_ref():
    me = yield "started"
    try:
        yield me
    finally:
        log.append("finally of self_ref")

g = self_ref()
print(next(g))
print(g.send(g) is g)
del g
print("before collect", log)
found = gc.collect()
print("collected something:", found > 0)
print("after collect", log)

# 2. The referents of a suspended generator include its frame's locals.
marker = ["marker"]

def holder(x):
    local = x
    yield 1

h = holder(marker)
next(h)
print("marker in referents:", any(r is marker for r in gc.get_referents(h)))
h.close()
print("marker after close:", any(r is marker for r in gc.get_referents(h)))

# 3. A cycle through an object held by a generator and the generator.
class Node:
    def __init__(self):
        self.gen = None

def watch(node):
    try:
        yield node
        yield node
    finally:
        print("closing watch, node has gen:", node.gen is not None)

n = Node()
n.gen = watch(n)
next(n.gen)
del n
gc.collect()
print("cycle collected")

# 4. A generator suspended outside any try block needs no finalizer.
def plain():
    yield 1
    yield 2

p = plain()
next(p)
del p
print("plain freed:", gc.collect() == 0)

# 5. Collecting while a generator runs: its frame is not touched.
def runner():
    data = [1, 2, 3]
    for i in range(3):
        gc.collect()
        yield sum(data) + i

print(list(runner()))

# 6. A collected generator's finally block may itself make garbage and
#    call gc.collect() again: a collection in progress finds nothing.
def nested():
    me = yield
    try:
        yield me
    finally:
        junk = []
        junk.append(junk)
        del junk
        print("collect inside a collection finds:", gc.collect())

b = nested()
next(b)
b.send(b)
del b
gc.collect()
print("after nested")

# 7. Async generators and coroutines in cycles are collected too.
async def coro():
    return 1

c = coro()
try:
    c.send(None)
except StopIteration as e:
    print("coroutine returned", e.value)

async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")

a = agen()
step = a.__anext__()
try:
    step.send(None)
except StopIteration as e:
    print("agen yielded", e.value)
del step
gc.collect()
print("end")
