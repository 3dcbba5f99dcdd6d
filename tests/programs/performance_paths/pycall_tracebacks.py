# An exception raised several fast-called frames deep propagates through
# all of them: caught with its traceback's frames and lines, then once
# uncaught (the traceback printed).
import sys


def level3(x):
    return 1 // x

def level2(x, pad=0):
    return level3(x) + pad

class Holder:
    def level1(self, x):
        return level2(x)

def level0(x):
    m = Holder().level1
    return m(x)

try:
    level0(0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
    print(type(e).__name__, e)

def recurse(n):
    if n == 0:
        raise ValueError("bottom")
    return recurse(n - 1)

try:
    recurse(5)
except ValueError as e:
    count = 0
    tb = e.__traceback__
    while tb is not None:
        count += 1
        tb = tb.tb_next
    print("frames in traceback:", count)

# The frames unwound are usable again: calls after the exception work.
print(level0(1), recurse.__name__)

class Init:
    def __init__(self, x):
        self.v = level2(x)

try:
    Init(0)
except ZeroDivisionError as e:
    tb, names = e.__traceback__, []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)

level0(0)
