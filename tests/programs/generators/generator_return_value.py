# Return values of generators surface in StopIteration.value.
def g():
    yield 1
    return {"status": "ok"}

it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)

def none_return():
    yield 1
it = none_return()
next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args)

def tuple_return():
    yield
    return 1, 2
it = tuple_return()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
print(list(g()))
def delegating():
    x = yield from g()
    yield x
print(list(delegating()))
