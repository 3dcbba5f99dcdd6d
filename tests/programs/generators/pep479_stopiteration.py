# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def leaky():
    yield 1
    raise StopIteration("oops")

g = leaky()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)

def uses_next():
    it = iter([1])
    yield next(it)
    yield next(it)
try:
    print(list(uses_next()))
except RuntimeError as e:
    print(type(e).__name__, e)

def correct():
    it = iter([1])
    for x in it:
        yield x
    return
print(list(correct()))
