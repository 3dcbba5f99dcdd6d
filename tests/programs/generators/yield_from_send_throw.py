# yield from forwards send() and throw() to the subgenerator.
def sub():
    total = 0
    while True:
        try:
            x = yield total
        except ValueError:
            print("sub handled ValueError")
            x = 100
        if x is None:
            return total
        total += x

def delegator():
    result = yield from sub()
    print("sub returned", result)
    yield "after"

g = delegator()
print(next(g))
print(g.send(1))
print(g.send(2))
print(g.throw(ValueError))
print(g.send(None))

def closer():
    try:
        yield 1
    finally:
        print("sub finally on close")
def wrap():
    yield from closer()
w = wrap()
next(w)
w.close()
print("closed")
