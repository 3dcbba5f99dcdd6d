# Async generators driven by hand: __anext__/asend/athrow/aclose awaitables,
# async for over custom async iterators, and their error messages.
class Tick:
    def __init__(self, name):
        self.name = name
    def __await__(self):
        got = yield f"tick {self.name}"
        return got

def run(awaitable, sends=()):
    sends = iter(sends)
    it = awaitable.__await__()
    value = None
    while True:
        try:
            out = it.send(value)
        except StopIteration as e:
            return ("returned", e.value)
        except StopAsyncIteration:
            return ("StopAsyncIteration",)
        print("  passed up:", out)
        value = next(sends, None)

async def agen():
    try:
        got = await Tick("a")
        received = yield ("first", got)
        yield ("second", received)
    finally:
        print("  agen finally")

g = agen()
print(type(g).__name__, g.__name__, repr(g).startswith("<async_generator object agen at 0x"))
print(g.ag_running, g.ag_suspended, g.ag_await, g.ag_code.co_name)
print(aiter_is_self := g.__aiter__() is g)
step = g.__anext__()
print(type(step).__name__)
print(run(step, ["tick reply"]))
print(run(g.asend("sent value")))
print(run(g.__anext__()))
print(run(g.__anext__()))
try:
    run(step)
except RuntimeError as e:
    print("RuntimeError", e)

async def catcher():
    try:
        yield 1
    except KeyError as e:
        print("  caught", repr(e))
        yield 2

c = catcher()
print(run(c.__anext__()))
print(run(c.athrow(KeyError("k"))))
print(run(c.aclose()))
print(run(c.aclose()))

async def counter(n):
    for i in range(n):
        await Tick(i)
        yield i

async def consume():
    total = []
    async for x in counter(3):
        total.append(x)
    squares = [x * x async for x in counter(4)]
    evens = {x async for x in counter(6) if x % 2 == 0}
    return total, squares, evens

print(run(consume()))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

async def use_countdown():
    return [x async for x in Countdown(3)]
print(run(use_countdown()))

async def bad_for(obj):
    async for _ in obj:
        pass

class NoANext:
    def __aiter__(self):
        return 5
class BadANext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 7

for obj in ([1, 2], NoANext(), BadANext()):
    try:
        run(bad_for(obj))
    except TypeError as e:
        print("TypeError", e, "| cause:", type(e.__cause__).__name__ if e.__cause__ else None)

async def leaks_stop():
    yield 1
    raise StopAsyncIteration
l = leaks_stop()
run(l.__anext__())
try:
    run(l.__anext__())
except RuntimeError as e:
    print("RuntimeError", e)

async def ignores_exit():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("  ignoring")
            break
    yield 2
i = ignores_exit()
run(i.__anext__())
try:
    run(i.aclose())
except RuntimeError as e:
    print("RuntimeError", e)
print(run(i.__anext__()))
