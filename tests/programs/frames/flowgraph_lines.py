# Frame line numbers, traceback lines and generator behaviour across the code
# shapes the compiler's flow-graph pass rewrites: a jump to a small exit block
# copied in place, jumps threaded through jumps, the NOP kept for a `try` line,
# and the RESUME after a yield (close/throw at each kind of yield).
import sys


def record(fn, *args):
    base = fn.__code__.co_firstlineno
    try:
        result = fn(*args)
    except Exception as e:
        tb = e.__traceback__
        lines = []
        while tb is not None:
            if tb.tb_frame.f_code is fn.__code__:
                lines.append(tb.tb_lineno - base)
            tb = tb.tb_next
        result = f"raised {type(e).__name__}: {e} at relative lines {lines}"
    print(fn.__name__, [a if isinstance(a, (int, str, bool)) else type(a).__name__ for a in args], "->", result)


def here():
    caller = sys._getframe(1)
    return caller.f_lineno - caller.f_code.co_firstlineno


def if_else_falls_off(a):
    if a:
        a = here()
    else:
        a = here()
    print("  line", a)


def try_except_pass(g, exc):
    x = 1
    try:
        g()
    except exc:
        pass
    return x


def loop_with_break(a, b):
    while a:
        a -= 1
        if b:
            break
        if a == 1:
            print("  line", here())
    return a


def for_with_return(items):
    for i in items:
        if i > 2:
            return i
    return -1


def conditional_expression(a, b):
    return (a or b) if a else b


def with_block(m):
    with m:
        pass
    with m:
        return here()


def raise_in_branch(x):
    if x is not None and not isinstance(x, str):
        raise TypeError(f"not a str: {type(x).__name__}")


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def fails():
    raise KeyError("k")


for args in [(0,), (1,)]:
    record(if_else_falls_off, *args)
record(try_except_pass, lambda: None, KeyError)
record(try_except_pass, fails, KeyError)
record(try_except_pass, fails, ValueError)
record(with_block, None)
for args in [(3, False), (3, True), (0, True)]:
    record(loop_with_break, *args)
record(for_with_return, [1, 2, 3, 4])
record(for_with_return, [1])
for args in [(0, 5), (1, 5), (0, 0)]:
    record(conditional_expression, *args)
record(with_block, Manager())
record(raise_in_branch, None)
record(raise_in_branch, "s")
record(raise_in_branch, 3)


def gen(n):
    yield n
    try:
        yield n + 1
    except ValueError:
        yield "caught"
    yield from range(2)


g = gen(10)
print(next(g), next(g), g.throw(ValueError), list(g))
g = gen(1)
next(g)
g.close()
print("closed", g.gi_frame)
g = gen(1)
next(g)
next(g)
try:
    g.throw(KeyError("boom"))
except KeyError as e:
    print("propagated", repr(e))

# An uncaught error in a copied exit path reports its own line.
def last(x):
    if x:
        x = 1
    else:
        raise_in_branch(x + 1.5)

last(0)
