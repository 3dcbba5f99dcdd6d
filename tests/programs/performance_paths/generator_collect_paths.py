# list()/tuple()/sorted()/set() driving a generator directly (collect_iterable's
# generator path): items, return values, exceptions raised inside, generators
# already started, finished, running, closed, and delegation chains.


def count(n):
    for i in range(n):
        yield i


def returns_value(n):
    yield from range(n)
    return "done"


def raises_after(n, exc):
    for i in range(n):
        yield i
    raise exc


def chain(depth, n):
    if depth == 0:
        yield from count(n)
    else:
        r = yield from chain(depth - 1, n)
        return r


print(list(count(5)))
print(tuple(count(3)))
print(sorted(count(4), reverse=True))
print(list(count(0)))
print(list(returns_value(3)))
print(list(chain(5, 4)))

# An exception other than StopIteration escapes list() with the items lost.
for exc in (ValueError("bad"), KeyError("k"), ZeroDivisionError("z")):
    try:
        list(raises_after(2, exc))
    except Exception as e:
        print(type(e).__name__, e)

# StopIteration raised inside a generator becomes RuntimeError (PEP 479).
def stops():
    yield 1
    raise StopIteration("inner")


try:
    list(stops())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__, e.__cause__)

# A generator already part-consumed: list() takes the rest.
g = count(6)
print(next(g), next(g))
print(list(g))
print(list(g))  # finished: empty

# A closed generator gives nothing.
g = count(3)
g.close()
print(list(g))

# A generator that list()s itself while running: ValueError.
def selfish():
    yield 1
    yield list(me)


me = selfish()
try:
    print(list(me))
except ValueError as e:
    print("ValueError", e)

# Exception raised from the delegate in the middle of a chain, handled in
# the middle level: the chain goes on.
def leaf():
    yield 1
    raise IndexError("leaf")


def middle():
    try:
        yield from leaf()
    except IndexError as e:
        yield "caught " + str(e)
    yield "after"


print(list(middle()))

# finally blocks run as list() drives the generator to its end.
def with_finally(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")


log = []
print(list(with_finally(log)), log)

# A generator whose items are produced by a throwing helper inside a try.
def guarded():
    for i in range(4):
        try:
            if i == 2:
                raise TypeError("two")
            yield i
        except TypeError as e:
            yield repr(e)


print(list(guarded()))

# Other consumers of the same path.
print(set(count(4)) == {0, 1, 2, 3}, frozenset(count(2)))
print(dict.fromkeys(count(3)))
print("".join(str(i) for i in count(5)))
l = [9]
l.extend(count(3))
print(l, sum(count(101)), max(count(7)), min(count(7)))
print(list(map(lambda x: x * 2, count(3))), list(zip(count(3), count(5))))

# Generator expressions (their own code) and nested ones.
print(list(x * x for x in range(5)), tuple(y for y in (x + 1 for x in range(3))))

# Sending into a generator driven partly by list() elsewhere.
def echo():
    got = yield "start"
    while got is not None:
        got = yield got


e = echo()
print(next(e), e.send("a"), e.send("b"))
print(list(e))

# A generator's return value: next() raises StopIteration(value), native
# consumers just stop, `yield from` receives it.
def ret5():
    yield 1
    return 5


it = ret5()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("stop", e.value)
it = ret5()
next(it)
try:
    it.__next__()
except StopIteration as e:
    print("stop2", e.value)
print(next(it, "default"), next(it, "again"))


def takes_return():
    r = yield from ret5()
    print("returned", r)


print(list(takes_return()), sum(ret5()), list(zip(ret5(), ret5())), list(map(str, ret5())))
import itertools

print(list(itertools.chain(ret5(), ret5())), list(itertools.islice(ret5(), 5)))
print(sorted(ret5()), any(ret5()), all(ret5()), tuple(enumerate(ret5())))
