# Async generators and async for, driven without an event loop.
class Tick:
    def __await__(self):
        yield "tick"

async def agen(n):
    for i in range(n):
        await Tick()
        yield i * i

async def main():
    out = []
    async for v in agen(4):
        out.append(v)
    comp = [v async for v in agen(3)]
    return out, comp

def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks

print(run(main()))
print(type(agen(1)).__name__)
