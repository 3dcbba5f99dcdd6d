# Generator creation (RETURN_GENERATOR), yield, and a finished generator's
# release: the order finalizers of its locals run in, errors, and frames.
import sys

class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

def g():
    yield 1
print([x for x in g()], list(g()), type(g()).__name__, g().__qualname__)

def locals_released():
    a = Noisy(1)
    b = Noisy(2)
    yield a.n
    c = Noisy(3)
    return "ret"
for v in locals_released():
    print("got", v)
print("after for")
it = locals_released()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.value)
print("after next")

def raising():
    a = Noisy(10)
    yield 1
    raise ValueError("boom")
try:
    for v in raising():
        print("got", v)
except ValueError as e:
    print("ValueError", e)

def abandoned():
    a = Noisy(20)
    try:
        yield 1
    finally:
        print("finally")
x = abandoned()
next(x)
del x
print("after abandoned")

def fresh():
    yield Noisy(30)
y = fresh()
del y
print("fresh dropped")

# Nested generators, send(), frames and states.
def inner():
    got = yield 1
    yield got
def outer():
    r = yield from inner()
    yield r
o = outer()
print(next(o), o.send("sent"), next(o, "exhausted"), next(o, "again"))

def states():
    yield 1
s = states()
print(s.gi_suspended, s.gi_running, s.gi_frame is not None)
next(s)
print(s.gi_suspended, s.gi_frame is not None)
for _ in s:
    pass
print(s.gi_suspended, s.gi_frame)

# A generator function called with a bad argument raises at the call.
def needs_two(a, b):
    yield a + b
try:
    needs_two(1)
except TypeError as e:
    print("TypeError", e)
print(sum(needs_two(2, 3)))

# Generator expressions and recursion.
def count_down(n):
    if n:
        yield n
        yield from count_down(n - 1)
print(list(count_down(5)), sum(i * i for i in range(10)))

async def co():
    return 7
c = co()
try:
    c.send(None)
except StopIteration as e:
    print("coroutine", e.value)

def bad():
    yield 1
    raise StopIteration("inner")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)
def tb():
    yield 1
    1 / 0
for v in tb():
    print(v)
