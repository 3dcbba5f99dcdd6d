# __exit__ returning a truthy value suppresses the exception.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressed", et.__name__, ev)
            self.caught = ev
            return True
        return None

with Suppress(KeyError, IndexError) as s:
    [][5]
print("continues after", repr(s.caught))
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("propagated", e)

class Truthy:
    def __enter__(self): pass
    def __exit__(self, *a):
        return "non-empty string is truthy"
with Truthy():
    raise RuntimeError("gone")
print("suppressed by truthy string")
def f():
    with Suppress(ZeroDivisionError):
        return 1 / 0
    return "fell through after suppression"
print(f())
