# CALL_KW of Python functions at warmed sites (the fast tier binds the
# keywords straight into the frame): defaults, keyword-only parameters and
# their defaults, methods, positional-only names given by keyword, the
# binder's errors (duplicates, unknown names, missing arguments), *args and
# **kwargs functions, a rebound callable, generators, closures over a
# parameter, recursion and exceptions raised inside the callee.


def f(a, b=2, c=3):
    return (a, b, c)


def kwonly(a, *, k, m=9):
    return (a, k, m)


def posonly(a, /, b=5):
    return (a, b)


def star(*args, z=1):
    return (args, z)


def starstar(a, **kw):
    return (a, sorted(kw.items()))


def gen(n, step=1):
    yield from range(0, n, step)


def closure(x, y=0):
    def inner():
        return x + y

    return inner()


def raiser(msg, kind=ValueError):
    raise kind(msg)


def depth(n, acc=0):
    if n == 0:
        return acc
    return depth(n - 1, acc=acc + n)


class C:
    def m(self, x, y=10):
        return (type(self).__name__, x, y)


def attempt(thunk):
    try:
        return thunk()
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def main():
    for i in range(3):
        print(f(i, b=i + 1), f(i, c=0), f(a=i), f(c=1, a=2, b=3))
        print(kwonly(i, k=i * 2), kwonly(a=i, m=0, k=1))
        print(posonly(i, b=1), star(i, z=2), starstar(i, q=1, r=2))
        print(list(gen(5, step=2)), closure(i, y=5), depth(5, acc=i))
        print(C().m(i, y=0), C.m(C(), x=i))
    for i in range(2):
        print(attempt(lambda: f(1, a=2)))
        print(attempt(lambda: f(1, d=2)))
        print(attempt(lambda: f(b=1)))
        print(attempt(lambda: kwonly(1, m=2)))
        print(attempt(lambda: posonly(a=1)))
        print(attempt(lambda: f(1, 2, 3, 4, b=5)))
        print(attempt(lambda: raiser("inside", kind=KeyError)))
    g = f
    out = []
    for i in range(6):
        if i == 3:
            g = kwonly
        out.append(attempt(lambda: g(i, k=i)))
    print(out)
    # Defaults replaced after the site warmed.
    for i in range(4):
        if i == 2:
            f.__defaults__ = (20, 30)
            kwonly.__kwdefaults__ = {"k": 7}
        print(f(i, c=i), attempt(lambda: kwonly(i, m=i)))
    # Recursion limit through keyword calls.
    import sys

    def down(n=0):
        return down(n=n + 1)

    old = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    print(attempt(lambda: down(n=0)))
    sys.setrecursionlimit(old)


main()
