# async def coroutines driven manually with send(None), no event loop.
class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        result = yield self.tag
        return f"resumed {self.tag} with {result!r}"

async def child(n):
    r = await Suspend(f"child{n}")
    print(r)
    return n * 10

async def parent():
    total = 0
    for i in range(3):
        total += await child(i)
    return total

coro = parent()
print(type(coro).__name__)
value = coro.send(None)
step = 0
while True:
    print("yielded", value)
    step += 1
    try:
        value = coro.send(step)
    except StopIteration as e:
        print("result", e.value)
        break
