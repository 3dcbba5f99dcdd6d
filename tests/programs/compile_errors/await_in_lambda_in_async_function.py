async def f():
    g = lambda: await y
