# async with and __aenter__/__aexit__ driven by send(None) without an event loop.
class Yield:
    def __await__(self):
        yield "suspend"

class AsyncResource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("aenter", self.name)
        await Yield()
        return self.name + "-conn"
    async def __aexit__(self, et, ev, tb):
        print("aexit", self.name, et.__name__ if et else None)
        await Yield()
        return et is KeyError

async def main():
    async with AsyncResource("one") as conn:
        print("using", conn)
    async with AsyncResource("two"):
        raise KeyError("suppressed by aexit")
    try:
        async with AsyncResource("three"):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)
    return "main done"

coro = main()
suspensions = 0
while True:
    try:
        coro.send(None)
        suspensions += 1
    except StopIteration as stop:
        print(stop.value, "after", suspensions, "suspensions")
        break
