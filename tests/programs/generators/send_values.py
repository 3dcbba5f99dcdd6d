# gen.send() delivers values into yield expressions.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total

g = accumulator()
print(next(g))
print(g.send(5))
print(g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("done with", e.value)

def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received!r}"

e = echo()
print(e.send(None))
print(e.send(1))
print(e.send("two"))
fresh = echo()
try:
    fresh.send("too early")
except TypeError as err:
    print(type(err).__name__, err)
