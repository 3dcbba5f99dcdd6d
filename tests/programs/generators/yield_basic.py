# Basic generator functions: lazy execution, exhaustion, StopIteration.
def gen():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")

g = gen()
print(type(g).__name__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(g, "exhausted"))
print(list(gen()))
def empty():
    return
    yield
print(list(empty()))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(5)), sum(countdown(100)))
