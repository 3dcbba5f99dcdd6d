# A context manager reused and re-entered; state across uses.
class Counter:
    def __init__(self):
        self.depth = 0
        self.uses = 0
    def __enter__(self):
        self.depth += 1
        self.uses += 1
        print("enter depth", self.depth)
        return self
    def __exit__(self, *exc):
        print("exit depth", self.depth)
        self.depth -= 1

c = Counter()
with c:
    with c:
        with c:
            pass
with c:
    pass
print("uses", c.uses, "depth", c.depth)
class Lock:
    held = False
    def __enter__(self):
        if Lock.held:
            raise RuntimeError("lock already held")
        Lock.held = True
    def __exit__(self, *exc):
        Lock.held = False
with Lock():
    try:
        with Lock():
            pass
    except RuntimeError as e:
        print(type(e).__name__, e)
print("released", Lock.held)
