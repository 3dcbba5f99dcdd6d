# __await__ must return an iterator; awaiting non-awaitables is a TypeError.
class Ready:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        return iter([])
class Bad:
    def __await__(self):
        return 5

async def use_ready():
    return await Ready(1)

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

print(run(use_ready()))

async def await_int():
    await 5
try:
    run(await_int())
except TypeError as e:
    print(type(e).__name__, e)

async def await_bad():
    await Bad()
try:
    run(await_bad())
except TypeError as e:
    print(type(e).__name__, e)

async def nested():
    async def inner():
        return "inner"
    return (await inner()) + "!"
print(run(nested()))
c = use_ready()
run(c)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
