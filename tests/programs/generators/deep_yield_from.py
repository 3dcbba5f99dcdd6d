# 5,000 nested `yield from` delegations: iteration, send, throw, close and
# deallocation all work without exhausting any stack (CPython handles them).
def leaf(log):
    try:
        received = yield "first"
        log.append(("leaf received", received))
        yield "second"
    except KeyError as e:
        log.append(("leaf caught", repr(e)))
        yield "after throw"
    finally:
        log.append("leaf finally")
    return "leaf result"

def wrap(inner):
    result = yield from inner
    return result

def build(depth, log):
    g = leaf(log)
    for _ in range(depth):
        g = wrap(g)
    return g

DEPTH = 5000

log = []
print(list(build(DEPTH, log)), log)

log = []
g = build(DEPTH, log)
print(next(g), g.send("hello"))
try:
    next(g)
except StopIteration as e:
    print("returned through the chain:", e.value)
print(log)

log = []
g = build(DEPTH, log)
next(g)
print(g.throw(KeyError("deep")))
print(g.close(), log)

log = []
g = build(DEPTH, log)
next(g)
del g
print("deleted the chain", log)

# Every level is suspended in a `yield from`; the outermost reports it.
g = build(DEPTH, [])
next(g)
print(type(g.gi_yieldfrom).__name__, g.gi_running, g.gi_suspended)
g.close()

# Generator expressions stacked 5,000 deep.
nested = iter(range(5))
for _ in range(DEPTH):
    nested = (x + 1 for x in nested)
print(list(nested))

# A recursive generator (tree walk) 500 levels deep.
def walk(depth):
    if depth:
        yield depth
        yield from walk(depth - 1)
print(sum(walk(500)))

# Calls made deep inside a long chain count toward the recursion limit,
# as in CPython; the chain itself keeps working afterwards.
def deep_call():
    def rec(n):
        return 0 if n == 0 else 1 + rec(n - 1)
    try:
        yield rec(100)
    except RecursionError:
        yield "RecursionError"
g = deep_call()
for _ in range(DEPTH):
    g = wrap(g)
print(next(g))
