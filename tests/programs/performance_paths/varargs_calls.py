# Calls of functions with *args, positional arguments only: the frame is
# set up without the general binder, and every case still binds as CPython.


def rest(a, *r):
    return a, r


def only(*r):
    return r


def with_default(a, b=2, *r):
    return a, b, r


def with_kwargs(a, *r, **kw):
    return a, r, kw


def with_kwonly(a, *r, x=1):
    return a, r, x


def closing(a, *r):
    def inner():
        return a, r

    return inner()


def shadow(a, *r):
    r = r + ("more",)
    a = None
    return a, r


for _ in range(2):
    print(rest(1), rest(1, 2, 3), only(), only(1, 2))
    print(with_default(1), with_default(1, 5), with_default(1, 5, 6))
    print(with_kwargs(1, 2), with_kwonly(1, 2), closing(1, 2), shadow(0, 1))
    print(only(*range(5)), rest(*"abc"))
    try:
        rest()
    except TypeError as e:
        print("TypeError:", e)


class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, *exc):
        print("exit", self.name, exc[0], type(exc[1]).__name__, exc[2] is not None)
        return exc[0] is KeyError


for i in range(3):
    with CM(i) as c:
        pass
    with CM("suppress"):
        raise KeyError(i)
    try:
        with CM("propagate"):
            raise ValueError(i)
    except ValueError as e:
        print("caught", repr(e))


def gen(*items):
    yield from items


print(list(gen(1, 2, 3)), list(gen()))


def deep(*a):
    return deep(*a)


try:
    deep(1)
except RecursionError as e:
    print("RecursionError:", e)
rest()
