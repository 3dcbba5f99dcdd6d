# Async comprehensions inside coroutines, driven manually.
class Step:
    def __await__(self):
        yield

class AsyncRange:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Step()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1

async def double(x):
    await Step()
    return x * 2

async def main():
    a = [x async for x in AsyncRange(4)]
    b = [await double(x) for x in range(3)]
    c = {x: await double(x) async for x in AsyncRange(3) if x != 1}
    return a, b, c

coro = main()
try:
    while True:
        coro.send(None)
except StopIteration as e:
    print(e.value)
