# with on objects lacking __enter__/__exit__ gives TypeError.
class OnlyEnter:
    def __enter__(self):
        return self
class OnlyExit:
    def __exit__(self, *a):
        pass

for obj in (OnlyEnter(), OnlyExit(), 5, None):
    try:
        with obj:
            print("body")
    except TypeError as e:
        print(type(e).__name__, e)
class Async:
    async def __aenter__(self): pass
    async def __aexit__(self, *a): pass
try:
    with Async():
        pass
except TypeError as e:
    print(type(e).__name__, e)
