# An exception raised in __exit__ replaces the original, with __context__ set.
class Faulty:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise RuntimeError(f"exit failed while handling {et.__name__ if et else None}")

try:
    with Faulty():
        raise ValueError("body error")
except RuntimeError as e:
    print(repr(e), "context:", repr(e.__context__))
try:
    with Faulty():
        pass
except RuntimeError as e:
    print(repr(e), "context:", e.__context__)

class BadEnter:
    def __enter__(self):
        raise KeyError("enter")
    def __exit__(self, *a):
        print("exit is not called when enter fails")
try:
    with BadEnter():
        pass
except KeyError as e:
    print("KeyError", e)
with Faulty():
    raise TypeError("original")
