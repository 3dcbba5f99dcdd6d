# sys.exc_info() and sys.exception() inside and outside handlers.
import sys

print(sys.exc_info(), sys.exception())
try:
    raise ValueError("current")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
    print(repr(sys.exception()))
    try:
        raise KeyError("nested")
    except KeyError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exc_info(), sys.exception())

def in_function():
    return sys.exception()
try:
    raise TypeError("seen by callee")
except TypeError:
    print(repr(in_function()))
def gen():
    yield repr(sys.exception())
try:
    raise OSError("in gen")
except OSError:
    print(next(gen()))
