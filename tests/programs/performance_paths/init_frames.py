# Classes whose `__init__` runs as a frame pushed by CALL: the return in
# place (None), the error for any other value, exceptions, recursion,
# frame chains and finalizer timing.
import sys


class Plain:
    def __init__(self, a, b=2):
        self.a = a
        self.b = b


class ReturnsValue:
    def __init__(self):
        return 42


class ReturnsNoneExplicitly:
    def __init__(self):
        return None


class Raises:
    def __init__(self, x):
        raise ValueError("bad %r" % (x,))


class Caller:
    def __init__(self):
        self.caller = sys._getframe(1).f_code.co_name


class Dying:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1)


def make():
    return Caller().caller


for i in range(3):
    p = Plain(i)
    print(p.a, p.b, Plain(i, 5).b)
print(type(ReturnsNoneExplicitly()).__name__)
for i in range(2):
    try:
        ReturnsValue()
    except TypeError as e:
        print("TypeError:", e)
    try:
        Raises(i)
    except ValueError as e:
        print("ValueError:", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)
print(make())
for i in range(2):
    Dying("temp%d" % i)
    print("after temp", i)
kept = Dying("kept")
print("kept alive")
del kept
print("after del")
try:
    Deep(0)
except RecursionError as e:
    print("RecursionError:", e)
print([Plain(x).a for x in range(4)])

# An `__init__` returning a value, uncaught: the traceback.
ReturnsValue()
