# An exception raised inside a generator travels through the frames that
# resumed it (FOR_ITER, SEND of `yield from`, next(), send(), throw()) and
# every one of them appears in the traceback.
def numbers(items):
    for item in items:
        yield parse(item)

def parse(text):
    if text in ("x", "seven"):
        raise ValueError(f"not a number: {text!r}")
    return int(text)

def doubled(source):
    for n in source:
        yield n * 2

def delegate(source):
    result = yield from doubled(source)
    return result

def total(items):
    return sum(delegate(numbers(items)))

def report(items):
    try:
        return total(items)
    except ValueError as e:
        print("caught:", e)
        raise RuntimeError("report failed") from e

print(total(["1", "2", "3"]))
try:
    report(["4", "x"])
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__)

def stepper():
    value = yield "ready"
    while True:
        value = yield check(value)

def check(value):
    if value < 0:
        raise ValueError(f"negative: {value}")
    return value

s = stepper()
next(s)
print(s.send(3))
try:
    s.send(-1)
except ValueError as e:
    print("send raised", e)
print(next(s, "stepper finished"))

def thrower():
    try:
        yield 1
    finally:
        print("thrower cleanup")

t = thrower()
next(t)
try:
    t.throw(KeyError("thrown in"))
except KeyError as e:
    print("throw propagated", e)

def pipeline():
    yield from delegate(numbers(["5", "6", "seven"]))

for value in pipeline():
    print("got", value)
