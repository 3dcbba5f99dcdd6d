# Recursive `yield from` chains as n-queens builds them, with the delegation
# interrupted: close() and throw() mid-chain, a delegate that is not a
# generator, send() through the chain, return values climbing back.


def place(row, n, cols, placed):
    if row == n:
        yield tuple(placed)
        return
    for col in range(n):
        if col in cols:
            continue
        cols.add(col)
        placed.append(col)
        yield from place(row + 1, n, cols, placed)
        placed.pop()
        cols.discard(col)


print(list(place(0, 4, set(), [])))
print(len(list(place(0, 6, set(), []))))


def leaf(log):
    try:
        for i in range(3):
            got = yield i
            if got is not None:
                log.append(("leaf got", got))
    except GeneratorExit:
        log.append("leaf closed")
        raise
    except KeyError as e:
        log.append(("leaf caught", e.args))
        yield "recovered"
    finally:
        log.append("leaf finally")
    return "leaf result"


def middle(depth, log):
    if depth == 0:
        r = yield from leaf(log)
    else:
        r = yield from middle(depth - 1, log)
    log.append(("depth", depth, r))
    return r


# close() in the middle of a deep chain closes every level from the inside.
log = []
g = middle(4, log)
print(next(g), next(g))
g.close()
print(log)

# throw() goes down to the leaf, which recovers; the chain goes on.
log = []
g = middle(3, log)
print(next(g))
print(g.throw(KeyError("x")))
print(list(g))
print(log)

# An exception the leaf does not handle climbs through every level.
log = []
g = middle(2, log)
next(g)
try:
    g.throw(ZeroDivisionError("deep"))
except ZeroDivisionError as e:
    print("escaped", e)
print(log, list(g))

# send() through the chain reaches the leaf.
log = []
g = middle(3, log)
print(next(g), g.send("s1"), g.send("s2"))
try:
    g.send("s3")
except StopIteration as e:
    print("returned", e.value)
print(log)


# Delegating to a non-generator iterator and to a generator subclass-like
# object (iterator class with send/throw).
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration(42)
        self.n -= 1
        return self.n


def via_iterator():
    r = yield from Countdown(3)
    yield ("result", r)


print(list(via_iterator()))


# A delegate already exhausted, and one already running (re-entry).
def exhausted():
    inner = iter(range(2))
    list(inner)
    yield from inner
    yield "after empty"


print(list(exhausted()))


def reenter():
    yield 1
    yield from outer_ref


outer_ref = reenter()
try:
    print(list(outer_ref))
except ValueError as e:
    print("ValueError", e)


# Many generators alive at once, each a few levels deep, consumed in turn.
gens = [middle(i % 4, []) for i in range(10)]
print([next(g) for g in gens])
print([len(list(g)) for g in gens])
