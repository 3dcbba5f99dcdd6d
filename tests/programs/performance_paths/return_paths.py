# Returns from frames entered each way: a plain call, an entry frame run by
# native code (dunder, sorted(key=), map, property, __init__ via type_call),
# and __init__ returning in place; recursion limits, frame chains and
# tracebacks through each.
import sys


def chain():
    names = []
    f = sys._getframe(1)
    while f is not None and len(names) < 6:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return V(self.x + other.x)

    def __eq__(self, other):
        return chain()

    @property
    def p(self):
        return chain()


def plain(n):
    return n + 1


print(plain(1), (V(1) + V(2)).x)
print(V(1) == V(2))
print(V(1).p)
print(sorted([3, 1, 2], key=lambda v: -v))
print(list(map(lambda v: chain()[:2], [1])))
print(sorted([1], key=lambda v: chain()[:3]))


# Deep recursion through each path: RecursionError, and the loop goes on.
def rec(n):
    return rec(n + 1)


class R:
    def __add__(self, other):
        return self + other

    def __init__(self, depth=0):
        if depth < 100000:
            R(depth + 1)


def key_rec(v):
    return sorted([v], key=key_rec)


for label, thunk in [
    ("python", lambda: rec(0)),
    ("dunder", lambda: R.__new__(R) + R.__new__(R)),
    ("init", lambda: R()),
    ("sorted key", lambda: key_rec(1)),
]:
    try:
        thunk()
    except RecursionError as e:
        print(label, "RecursionError", e)


# The limit changed mid-run, then a call through each path.
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)


def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


print(depth(0) < 200)
sys.setrecursionlimit(old)
print(depth(0) > 200)


# __init__ returning something else than None.
class BadInit:
    def __init__(self):
        return 1


try:
    BadInit()
except TypeError as e:
    print(e)


# Returns across nested native entries keep the values and frames right.
class Acc:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Acc(sum(map(lambda x: x.v, [self, other])))


total = Acc(0)
for i in range(50):
    total = total + Acc(i)
print(total.v)


# An uncaught error through a dunder and a key function: the traceback.
class Boom:
    def __lt__(self, other):
        return helper(self)


def helper(x):
    return sorted([1, 2], key=lambda v: 1 / 0)


Boom() < Boom()
