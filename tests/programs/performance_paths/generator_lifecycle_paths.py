# Generator creation, resumption and death on the fast paths: a finished
# generator dies without its finalizer, a suspended one inside try/finally
# is closed when dropped, SEND/FOR_ITER resume only exact generators (and
# coroutines), and a loop that creates and frees one generator at a time
# (its memory block reused) behaves as any other.
import gc


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def one(x):
    yield x


def with_local(name):
    keep = Noisy(name)
    yield 1
    yield 2
    print("end of", keep.name)


def guarded(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)


def raising(n):
    yield n
    raise ValueError(f"bad {n}")


def delegate(inner):
    result = yield from inner
    print("delegate got", result)
    return result


def returning(v):
    yield "x"
    return v


# One generator at a time, many times over (the same block each time),
# interleaved with objects of another size.
total = 0
for i in range(2000):
    for v in one(i):
        total += v
    if i % 500 == 0:
        pad = [i] * (i % 7 + 1)
print("total", total)

# Finished with a local that has __del__: the local goes when it finishes.
g = with_local("a")
print(list(g))
print("finished state", g.gi_frame is None, gc.is_finalized(g))
del g
print("after del finished")

# Dropped suspended: its local goes with it.
g = with_local("b")
print(next(g))
del g
print("after del suspended")

# try/finally dropped unfinished: finally runs right when it is dropped.
g = guarded("dropped")
print(next(g))
g = None
print("after drop")

# Closed early by a break.
for v in guarded("broken"):
    print("got", v)
    break
print("after break")

# Closed explicitly, then resumed.
g = guarded("closed")
next(g)
g.close()
print("close again", g.close())
try:
    next(g)
except StopIteration:
    print("closed generator: StopIteration")

# Never started, then dropped or closed: nothing to run.
g = guarded("never")
del g
g = guarded("never closed")
g.close()
print("never started ok")

# Raising through a yield from chain: every level finishes.
d = delegate(raising(3))
print(next(d))
try:
    next(d)
except ValueError as e:
    print("caught", e)
print("after raise", d.gi_frame is None)
try:
    next(d)
except StopIteration:
    print("finished delegate: StopIteration")

# A return value through yield from.
d = delegate(returning(42))
print(next(d))
try:
    next(d)
except StopIteration as e:
    print("stop value", e.value)

# Sending a value into a just-started generator, directly and through
# yield from.
g = one(1)
try:
    g.send(5)
except TypeError as e:
    print("TypeError:", e)


def sends_into_fresh():
    yield from one(7)


s = sends_into_fresh()
print(s.send(None))
print(list(s))


# A generator resuming itself.
def reentrant():
    yield me.send(None)


me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


# The generator types cannot be subclassed, so the exact-class test is the
# only one the fast path needs.
try:
    class Sub(type(one(0))):
        pass
except TypeError as e:
    print("TypeError:", e)


# Coroutines awaited through a chain (SEND resumes them in place).
class Step:
    def __await__(self):
        value = yield "step"
        return value


async def leaf(n):
    got = await Step()
    return n + got


async def middle(n):
    return await leaf(n) * 2


c = middle(5)
print(c.send(None))
try:
    c.send(10)
except StopIteration as e:
    print("coroutine result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# A generator's frame object held elsewhere when it dies suspended.
g = guarded("frame held")
next(g)
frame = g.gi_frame
del g
print("frame kept", frame.f_code.co_name)
del frame
print("done")
