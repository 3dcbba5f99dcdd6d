# Coroutine objects driven by hand: attributes, __await__ and its wrapper,
# awaiting errors, reuse errors, throw/close forwarding through awaits.
class Yielder:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        received = yield self.tag
        return (self.tag, received)

async def leaf(tag):
    return await Yielder(tag)

async def middle():
    first = await leaf("a")
    second = await leaf("b")
    return [first, second]

def drive(coro, values=()):
    values = iter(values)
    sent = None
    while True:
        try:
            out = coro.send(sent)
        except StopIteration as e:
            return e.value
        print("  suspended with", out)
        sent = next(values, None)

c = middle()
print(type(c).__name__, c.__name__, c.__qualname__, repr(c).startswith("<coroutine object middle at 0x"))
print(c.cr_running, c.cr_suspended, c.cr_await, c.cr_code.co_name, c.cr_origin)
print(drive(c, [1, 2]))
print(c.cr_suspended, c.cr_await)
for method in ("send", "throw", "__next__"):
    try:
        if method == "send":
            c.send(None)
        elif method == "throw":
            c.throw(ValueError)
        else:
            next(c)
    except (RuntimeError, TypeError) as e:
        print(method, type(e).__name__, e)
print(c.close())

c = middle()
c.send(None)
print(type(c.cr_await).__name__)
c.close()

w = leaf("w").__await__()
print(type(w).__name__, iter(w) is w)
print(next(w))
try:
    w.send("sent through the wrapper")
except StopIteration as e:
    print("wrapper finished", e.value)
try:
    next(w)
except RuntimeError as e:
    print("RuntimeError", e)

async def awaits_twice():
    inner = leaf("once")
    print(await inner)
    await inner

try:
    drive(awaits_twice())
except RuntimeError as e:
    print("RuntimeError", e)

async def awaits_running():
    await me
me = awaits_running()
try:
    me.send(None)
except ValueError as e:
    print("ValueError", e)

class NotAwaitable:
    pass
class AwaitReturnsCoroutine:
    def __await__(self):
        self.made = leaf("inner")
        return self.made
class AwaitNotIterator:
    def __await__(self):
        return [1, 2]

returns_coroutine = AwaitReturnsCoroutine()
for bad in (NotAwaitable(), returns_coroutine, AwaitNotIterator(), None):
    async def use(x=bad):
        await x
    try:
        drive(use())
    except TypeError as e:
        print("TypeError", e)
returns_coroutine.made.close()

async def catcher():
    try:
        await Yielder("waiting")
    except KeyError as e:
        print("caught in coroutine", repr(e))
        return "handled"
    finally:
        print("coroutine finally")

k = catcher()
k.send(None)
try:
    k.throw(KeyError("into coroutine"))
except StopIteration as e:
    print("throw result", e.value)

k = catcher()
k.send(None)
print("close ->", k.close())

async def raises_stop():
    raise StopIteration("inside coroutine")
try:
    drive(raises_stop())
except RuntimeError as e:
    print("RuntimeError", e, "| cause:", repr(e.__cause__))

fresh = leaf("fresh")
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError", e)
fresh.close()
try:
    iter(fresh)
except TypeError as e:
    print("TypeError", e)
print(hasattr(fresh, "__next__"), hasattr(fresh, "__await__"), hasattr(fresh, "gi_code"))

class Manager:
    async def __aenter__(self):
        print("aenter")
        return await Yielder("entering")
    async def __aexit__(self, *exc):
        print("aexit", exc[0].__name__ if exc[0] else None)
        await Yielder("exiting")
        return True

async def uses_manager():
    async with Manager() as got:
        print("inside with", got)
        raise ValueError("suppressed by __aexit__")
    return "after async with"

print(drive(uses_manager(), ["enter value", "exit value"]))

class BadManager:
    async def __aenter__(self):
        return 1
    def __aexit__(self, *exc):
        return 5

async def uses_bad():
    async with BadManager():
        pass
try:
    drive(uses_bad())
except TypeError as e:
    print("TypeError", e)
