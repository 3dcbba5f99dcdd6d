# yield from delegates iteration and returns the subgenerator's return value.
def inner(n):
    for i in range(n):
        yield i
    return f"inner returned {n}"

def outer():
    r1 = yield from inner(2)
    print(r1)
    r2 = yield from inner(3)
    print(r2)
    r3 = yield from [10, 20]
    print("list delegation returns", r3)
    return "outer done"

g = outer()
print(list(g))
g2 = outer()
while True:
    try:
        print("value", next(g2))
    except StopIteration as e:
        print("final", e.value)
        break

def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain("ab", range(3), (x * x for x in range(3)))))
