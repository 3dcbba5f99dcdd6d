# Throwing into and closing a manually driven coroutine.
class Pause:
    def __await__(self):
        yield "paused"

async def worker():
    try:
        await Pause()
        await Pause()
    except KeyError as e:
        print("worker caught", repr(e))
        return "recovered"
    finally:
        print("worker finally")

c = worker()
print(c.send(None))
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("returned", e.value)

c2 = worker()
c2.send(None)
c2.close()
print("closed", c2.cr_frame)

async def simple():
    return 1
c3 = simple()
print(c3.cr_code.co_name, c3.__name__)
c3.close()
