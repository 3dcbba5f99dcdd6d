# CALL_KW of Python functions: the arguments and the callable move from the
# caller's stack into the new frame. Checked: every parameter bound once
# (positional, keyword, default, keyword-only default), objects released
# when the callee drops them (__del__ order), bound methods, closures,
# generators, defaults changed after the site warmed up, errors and the
# recursion limit.
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def take(a, b=2, *, c=3, d):
    return (a, b, c, d)


def drop_all(a, b):
    del a
    print("dropped a")
    del b
    print("dropped b")
    return "done"


for i in range(3):
    print(take(i, d=i))
    print(take(i, 5, d=1, c=9))
    print(take(d=0, a=i))
    print(take(b=7, a=i, d=4))

print(drop_all(Noisy("x"), b=Noisy("y")))
print(drop_all(b=Noisy("p"), a=Noisy("q")))


class K:
    def m(self, x, y=10, *, z=20):
        return (type(self).__name__, x, y, z)


k = K()
for i in range(3):
    print(k.m(i, z=i))
    print(k.m(y=i, x=-i))
    print(K.m(k, i, y=1))


def outer():
    n = [0]

    def inner(step, *, times=1):
        n[0] += step * times
        return n[0]

    return inner


f = outer()
print([f(i, times=2) for i in range(4)])


def gen(a, b=1):
    yield a
    yield b


print([list(gen(i, b=i * 10)) for i in range(3)])


# Defaults changed after warm-up.
def dflt(a, b=1, *, c=2):
    return (a, b, c)


for i in range(2):
    print(dflt(a=i))
dflt.__defaults__ = (100,)
dflt.__kwdefaults__ = {"c": 200}
print(dflt(a=5))
dflt.__kwdefaults__ = None
try:
    print(dflt(a=5))
except TypeError as e:
    print("TypeError", e)
dflt.__defaults__ = None
try:
    print(dflt(a=5, c=1))
except TypeError as e:
    print("TypeError", e)


# Errors: the general binder's messages.
def two(a, b):
    return a + b


for call in (
    lambda: two(1, a=2),
    lambda: two(1, c=2),
    lambda: two(b=1),
    lambda: two(1, 2, b=3),
    lambda: take(1, 2),
    lambda: take(1, d=1, e=2),
):
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)


# Exceptions raised in a keyword-called frame.
def boom(a, *, why):
    raise ValueError(why, a)


for i in range(2):
    try:
        boom(i, why="no")
    except ValueError as e:
        print("ValueError", e.args, e.__traceback__.tb_next.tb_frame.f_code.co_name)


def deep(n, *, step=1):
    return deep(n + step, step=step)


old = sys.getrecursionlimit()
sys.setrecursionlimit(150)
try:
    deep(0, step=1)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(old)


def frames(a, *, b):
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, sorted(f.f_locals)


def via():
    return frames(1, b=2)


print(via())
print(via())
