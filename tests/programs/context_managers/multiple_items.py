# Multiple context managers in one with: entered left to right, exited in reverse.
class CM:
    def __init__(self, name, fail_enter=False):
        self.name, self.fail_enter = name, fail_enter
    def __enter__(self):
        if self.fail_enter:
            print("enter fails", self.name)
            raise OSError(f"cannot enter {self.name}")
        print("enter", self.name)
        return self.name
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)

with CM("a") as a, CM("b") as b, CM("c") as c:
    print("body", a, b, c)
with (
    CM("x") as x,
    CM("y"),
):
    print("parenthesized", x)
try:
    with CM("first"), CM("second", fail_enter=True), CM("third"):
        print("never")
except OSError as e:
    print("caught", e)
