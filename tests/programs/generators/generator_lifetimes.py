# Generators, coroutines and async generators created and dropped in every
# state: what their frames hold is released in order, finally blocks run
# when a suspended one dies, frame objects outlive them, cycles are
# collected, and weak references and reference counts behave.
import gc
import sys
import weakref


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def holder(tag):
    a = Noisy(tag + ".a")
    b = Noisy(tag + ".b")
    yield 1
    yield 2
    return tag


def guarded(tag):
    x = Noisy(tag + ".x")
    try:
        yield 1
        yield 2
    finally:
        print("finally", tag)


print("-- never started")
g = holder("fresh")
print(g.gi_frame is not None, g.gi_suspended, g.gi_running)
del g
print("-- suspended, no try")
g = holder("susp")
print(next(g))
del g
print("-- suspended in try")
g = guarded("try")
print(next(g))
del g
print("-- finished")
g = holder("done")
print(list(g))
print(g.gi_frame)
del g
print("-- finished by return value")
g = holder("ret")
next(g)
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
del g
print("-- raised inside")


def raiser():
    n = Noisy("raiser.n")
    yield 1
    raise ValueError("boom")


g = raiser()
next(g)
try:
    next(g)
except ValueError as e:
    print("caught", e)
print(g.gi_frame)
del g

print("-- gi_frame kept after the generator dies")
g = holder("frame")
next(g)
f = g.gi_frame
print(sorted(f.f_locals))
del g
print("frame alive", f.f_code.co_name, sorted(f.f_locals))
del f

print("-- refcounts")
g = holder("rc")
print(sys.getrefcount(g))
h = g
print(sys.getrefcount(g))
del h
next(g)
print(sys.getrefcount(g))
del g

print("-- weak references")
g = holder("weak")
r = weakref.ref(g)
next(g)
print(r() is g)
del g
print(r())

print("-- cycle through a local")


def cyclic():
    me = yield
    keep = Noisy("cycle.keep")
    try:
        yield me
    finally:
        print("finally cycle")


g = cyclic()
next(g)
g.send(g)
del g
print("collected", gc.collect() > 0)

print("-- cycle, finished generator")


def cyclic_done():
    me = yield
    keep = Noisy("done-cycle.keep")
    yield me


g = cyclic_done()
next(g)
g.send(g)
del g
gc.collect()
print("after collect")

print("-- many generators in many states")
gens = []
for i in range(30):
    g = guarded(str(i)) if i % 3 == 0 else holder(str(i))
    for _ in range(i % 4):
        try:
            next(g)
        except StopIteration:
            pass
    gens.append(g)
del g
while gens:
    gens.pop()
print("-- large frame")


def big(n):
    a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = a8 = a9 = Noisy("big")
    lst = [x for x in range(n)]
    yield sum(lst)
    yield (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9)


g = big(100)
print(next(g))
print(len(next(g)))
del g

print("-- coroutines driven by send")


async def inner():
    return Noisy("coro.result")


async def outer():
    v = await inner()
    print("got", v.name)
    return 7


c = outer()
try:
    c.send(None)
except StopIteration as e:
    print("coroutine returned", e.value)
print(c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
del c


class Awaitable:
    def __await__(self):
        got = yield "first"
        print("awaitable got", got)
        return got


async def waiting():
    n = Noisy("coro.n")
    try:
        return await Awaitable()
    finally:
        print("finally coroutine")


c = waiting()
print(c.send(None))
try:
    c.send("sent")
except StopIteration as e:
    print("coroutine returned", e.value)
c = waiting()
print(c.send(None))
print("dropping suspended coroutine")
del c
c = waiting()
c.close()
del c
print("-- async generators driven by send")


async def agen():
    n = Noisy("agen.n")
    try:
        yield 1
        yield 2
    finally:
        print("finally agen")


a = agen()
step = a.__anext__()
try:
    step.send(None)
except StopIteration as e:
    print("agen yielded", e.value)
print(a.ag_frame is not None)
closer = a.aclose()
try:
    closer.send(None)
except StopIteration:
    print("closed")
print(a.ag_frame)
del a, step, closer
a = agen()
del a
print("end")
