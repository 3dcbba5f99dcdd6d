# The eval loop switches to a generator's frame and back in place for
# FOR_ITER, SEND (`yield from`/`await`), YIELD_VALUE, a generator's return
# and RETURN_GENERATOR; these cases exercise the guards and what must stay
# visible: sent values, return values, exceptions, tracebacks, nesting,
# exception state, finalizer timing and non-generator delegates.
import sys


def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner-result"


def outer():
    r = yield from inner()
    print("outer got result", r)
    z = yield 3
    return ("outer-result", z)


# Iterated: None sent each time, the return value lands on END_FOR.
print(list(outer()))

# Driven with send(): the outer frame is the entry, the inner is switched to.
g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    g.send("c")
except StopIteration as e:
    print("stop", e.value)


# Deep delegation chains.
def chain(n):
    if n == 0:
        yield "leaf"
        return 0
    r = yield from chain(n - 1)
    return r + 1


print(list(chain(30)))
g = chain(5)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("chain result", e.value)


# A delegate that is not a generator: iterators, lists, a class with send.
def from_list():
    r = yield from [1, 2, 3]
    print("list result", r)
    yield from iter((4, 5))
    yield from range(6, 8)


print(list(from_list()))


class Sender:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("sender-done")
        return self.n

    def send(self, v):
        print("Sender.send", v)
        return self.__next__()


def from_sender():
    r = yield from Sender()
    return r


g = from_sender()
print(next(g))
print(g.send("x"))
try:
    g.send("y")
except StopIteration as e:
    print("sender result", e.value)


# A generator subclass does not exist; a generator-like object does.
class GenLike:
    def __init__(self, g):
        self.g = g

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.g)


def from_genlike():
    yield from GenLike(inner())


print(list(from_genlike()))


# Sending a non-None value into a just-started delegate: the TypeError.
def fresh():
    yield 1


def sends_into_fresh():
    it = fresh()
    yield from it


g = sends_into_fresh()
print(next(g))
print(list(g))


# A delegate already running: ValueError.
def self_delegate():
    yield from me


me = self_delegate()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


# A finished delegate: yield from gives None at once.
done = fresh()
list(done)


def from_done():
    r = yield from done
    print("from done", r)
    yield "after"


print(list(from_done()))


# Exceptions raised inside the delegate travel out through both frames.
def raising_inner():
    yield 1
    raise KeyError("inner-boom")


def raising_outer():
    try:
        yield from raising_inner()
    except KeyError as e:
        print("outer caught", repr(e))
        yield "recovered"
    yield from raising_inner()


g = raising_outer()
print(next(g), next(g))
print(next(g))
try:
    next(g)
except KeyError as e:
    names = []
    tb = e.__traceback__
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("traceback functions", names)


# The exception being handled is each frame's own across switches.
def exc_state_gen():
    print("in gen", sys.exception())
    try:
        raise ValueError("gen-own")
    except ValueError:
        yield sys.exception()
        print("back in gen", repr(sys.exception()))
    yield sys.exception()


try:
    raise IndexError("outer-own")
except IndexError:
    for v in exc_state_gen():
        print("yielded", repr(v), "outer sees", repr(sys.exception()))


def exc_delegate():
    try:
        raise TypeError("delegator-own")
    except TypeError:
        yield from exc_state_gen()
        print("delegator after", repr(sys.exception()))


for v in exc_delegate():
    print("via delegate", repr(v))


# throw() and close() through a delegation.
def catching():
    try:
        yield 1
    except RuntimeError as e:
        print("inner caught", e)
        yield "caught"
    finally:
        print("inner finally")


def delegating():
    yield from catching()
    yield "outer-next"


g = delegating()
print(next(g))
print(g.throw(RuntimeError("thrown")))
print(next(g))
g.close()
g = delegating()
next(g)
g.close()


# Finalizers of objects dropped as frames finish keep their timing.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def holds():
    n = Noisy("local")
    yield 1
    print("holds returning")


for v in holds():
    print("got", v)
print("after loop")


def delegate_holds():
    yield from holds()
    print("delegate done")


for v in delegate_holds():
    print("got via delegate", v)
print("after delegate loop")


# Return values of various kinds, and StopIteration inside a generator.
def returns_value():
    yield
    return [1, 2]


def collects():
    r = yield from returns_value()
    yield r


print(list(collects()))


def raises_stop():
    yield 1
    raise StopIteration("bad")


try:
    list(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "cause", repr(e.__cause__))


# Coroutines driven by send, await delegating to a coroutine.
async def leaf():
    return 10


async def middle():
    a = await leaf()
    b = await leaf()
    return a + b


async def top():
    return await middle() * 2


c = top()
try:
    c.send(None)
except StopIteration as e:
    print("coroutine result", e.value)


# yield from a coroutine in a plain generator: TypeError.
def bad_from_coroutine():
    co = leaf()
    try:
        yield from co
    finally:
        co.close()


try:
    list(bad_from_coroutine())
except TypeError as e:
    print("TypeError:", e)


# Nested for loops over generators, generator expressions, recursion.
def tree(n):
    if n:
        for x in tree(n - 1):
            yield x
        yield n
        yield from tree(n - 1)


print(sum(tree(10)), len(list(tree(8))))
print(sum(x * x for x in range(10) if x % 2))


# gi_frame / gi_running seen from inside and from the delegator.
def introspect():
    yield gen_self.gi_running
    yield sys._getframe().f_back.f_code.co_name


def intro_outer():
    yield from introspect()


gen_self = introspect()
print(list(gen_self))
g = intro_outer()
print(next(g), next(g))


# Deep recursion through delegation: RecursionError, not a crash.
def deep(n):
    yield from deep(n + 1)


try:
    list(deep(0))
except RecursionError as e:
    print("RecursionError:", e)


# The last case: an uncaught error out of a delegation chain.
def final_inner():
    yield 1
    1 / 0


def final_outer():
    yield from final_inner()


for v in final_outer():
    print("final", v)
