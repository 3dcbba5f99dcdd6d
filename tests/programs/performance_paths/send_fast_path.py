# The fast tier's SEND: `yield from` / `await` delegating to an exact
# generator or coroutine is resumed in place; every other receiver and
# state takes the general path. Each guard is exercised here.
import gc
import sys


def leaf(n, log):
    try:
        for i in range(n):
            x = yield i
            if x is not None:
                log.append(("leaf got", x))
    finally:
        log.append("leaf finally")
    return "leaf result"


def level(d, n, log):
    if d == 0:
        r = yield from leaf(n, log)
    else:
        r = yield from level(d - 1, n, log)
    log.append(("level", d, r))
    return r


# A chain 8 deep, sent values, the return value travelling up.
log = []
g = level(7, 4, log)
print(next(g), g.send("a"), g.send(None), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(log)


# Delegating to a non-generator iterator (guard fails: generic path).
class It:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration("it done")
        return self.i

    def send(self, v):
        print("It.send", v)
        return self.__next__()


def over_iter():
    r = yield from It()
    print("iter result", r)


g = over_iter()
print(next(g), g.send(7), g.send(None))
print(list(g))


# A generator subclass is impossible; a list and a range are iterators of
# their own kinds.
def over_list():
    yield from [1, 2]
    yield from range(3, 5)
    yield from (x * 10 for x in range(2))


print(list(over_list()))


# Sending non-None into a just-started delegate: the TypeError.
def fresh_delegate():
    inner = leaf(2, [])
    yield "start"
    yield from inner


g = fresh_delegate()
next(g)
print(next(g))
print(g.send(None))


def delegate_to_started(inner):
    yield from inner


inner = leaf(3, [])
g = delegate_to_started(inner)
try:
    g.send("x")
except TypeError as e:
    print("TypeError:", e)


# A delegate that is already running (the generator delegating to itself
# through a chain): ValueError from the general path.
def selfish():
    yield 1
    yield from me


me = selfish()
next(me)
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
print(me.gi_running, me.gi_suspended, me.gi_frame is None)


# A delegate that already finished: yield from gives None at once.
def finished():
    yield 1


done = finished()
list(done)


def over_done():
    r = yield from done
    print("done result", r)
    yield "after"


print(list(over_done()))


# gi_yieldfrom / gi_running / gi_suspended along the chain while the
# innermost runs.
def inner_probe():
    print("outer running:", outer.gi_running, "suspended:", outer.gi_suspended)
    print("outer yieldfrom is inner:", outer.gi_yieldfrom is inner_gen)
    print("inner running:", inner_gen.gi_running, inner_gen.gi_frame.f_code.co_name)
    yield "probe"
    print("resumed: inner running", inner_gen.gi_running)


def outer_gen():
    global inner_gen
    inner_gen = inner_probe()
    r = yield from inner_gen
    yield r


outer = outer_gen()
print(outer.gi_yieldfrom, outer.gi_suspended, outer.gi_running)
print(next(outer))
print(outer.gi_yieldfrom is inner_gen, outer.gi_suspended, inner_gen.gi_suspended)
print(next(outer))
print(outer.gi_yieldfrom, inner_gen.gi_frame)


# throw() and close() in the middle of a chain.
log = []
g = level(5, 10, log)
next(g)
try:
    g.throw(KeyError("boom"))
except KeyError as e:
    print("thrown out:", repr(e))
print(log)
log = []
g = level(5, 10, log)
next(g)
g.send(3)
g.close()
print(log, g.gi_frame)


# Exceptions crossing levels with __context__.
def raiser():
    try:
        raise IndexError("inner handled")
    except IndexError:
        yield "in handler"
        raise ValueError("from inner")


def mid():
    try:
        yield from raiser()
    except ValueError as e:
        print("mid caught", repr(e), "context", repr(e.__context__))
        yield "mid"


def top():
    try:
        raise OSError("top handled")
    except OSError:
        yield from mid()
        print("top exception still", repr(sys.exception()))


print(list(top()))


# Coroutines: await of a coroutine goes through SEND too.
class Yielder:
    def __await__(self):
        v = yield "suspend"
        return v


async def c_inner():
    v = await Yielder()
    return ("inner", v)


async def c_outer():
    r = await c_inner()
    return ("outer", r)


c = c_outer()
print(c.send(None))
try:
    c.send(42)
except StopIteration as e:
    print("coroutine result", e.value)


# A deep chain near the recursion limit: resuming counts toward the
# depth, so a call at the bottom fails.
def deep(d):
    if d == 0:
        yield len("x")
        yield sys.getrecursionlimit
    else:
        yield from deep(d - 1)


limit = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    print(list(deep(150))[0])
    g = deep(300)
    try:
        next(g)
    except RecursionError as e:
        print("RecursionError", type(e).__name__)
finally:
    sys.setrecursionlimit(limit)


# Dropping chains unstarted, suspended and completed: finally and __del__
# order.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def held(name, inner=None):
    n = Noisy(name)
    try:
        if inner is not None:
            yield from inner
        else:
            yield name
    finally:
        print("finally", name)


g = held("unstarted")
del g
g = held("outer", held("inner"))
print(next(g))
del g
print("dropped suspended")
g = held("a", held("b"))
print(list(g))
del g
print("dropped completed")


# Generator cycles collected with gc.collect().
def cyclic():
    me = yield
    try:
        yield 1
    finally:
        print("cyclic finally")


g = cyclic()
next(g)
g.send(g)
del g
print("collected", gc.collect() > 0)
