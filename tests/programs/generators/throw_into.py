# gen.throw() raises inside the generator at the paused yield.
def guarded():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("handled", e)
            yield "recovered"

g = guarded()
print(next(g))
print(g.throw(ValueError("bad value")))
print(next(g))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", type(e).__name__, e)
print(next(g, "closed after error"))

def fresh():
    yield 1
f = fresh()
try:
    f.throw(RuntimeError("before start"))
except RuntimeError as e:
    print(type(e).__name__, e)
print(list(f))

def finalizer():
    try:
        yield 1
    finally:
        print("finally in generator")
h = finalizer()
next(h)
try:
    h.throw(TypeError("t"))
except TypeError as e:
    print("caught", e)
