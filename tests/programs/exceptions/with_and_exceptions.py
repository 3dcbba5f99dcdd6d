# Exceptions passing through `with`: __exit__ sees them, may suppress.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress

with CM("clean"):
    print("body")
with CM("suppressing", suppress=True):
    raise ValueError("swallowed")
print("continued")
try:
    with CM("passing"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", e)
try:
    with CM("outer", True), CM("inner"):
        raise TypeError("inner does not suppress")
except TypeError:
    print("not reached")
print("outer suppressed it")
