# Frames, exc_info and chaining around exception classes whose __init__
# is a Python function (entered as a frame of the eval loop).
import sys


class Traced(Exception):
    def __init__(self, code):
        frame = sys._getframe()
        print("init frame", frame.f_code.co_name, "caller", frame.f_back.f_code.co_name)
        print("handling while constructing:", repr(sys.exc_info()[1]))
        super().__init__(code)
        self.code = code


def build(code):
    return Traced(code)


e = build(1)
print(repr(e), e.__context__)

try:
    raise KeyError("k")
except KeyError:
    made = build(2)
    print("context before raise:", made.__context__)
    try:
        raise made
    except Traced as caught:
        print("context after raise:", repr(caught.__context__))


def thrower(n):
    raise Traced(n)


def middle(n):
    thrower(n)


try:
    middle(3)
except Traced as err:
    tb = err.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno - thrower.__code__.co_firstlineno))
        tb = tb.tb_next
    print(names)
    frame = err.__traceback__.tb_next.tb_next.tb_frame
    print(frame.f_code.co_name, frame.f_locals, frame.f_back.f_code.co_name)


class Failing(Exception):
    def __init__(self, x):
        super().__init__(x)
        raise RuntimeError("init failed") from None


try:
    raise Failing(4)
except RuntimeError as err:
    tb = err.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    print(repr(err), err.__suppress_context__, tb.tb_frame.f_code.co_name)


def gen():
    try:
        raise ValueError("inside generator")
    except ValueError:
        yield Traced(5)


for value in gen():
    print(repr(value), repr(sys.exc_info()[1]))

raise Traced(6)
