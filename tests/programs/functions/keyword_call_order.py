# Argument evaluation order: left to right, even with keywords and unpacking.
def trace(label, value):
    print("eval", label)
    return value

def f(*args, **kwargs):
    return args, kwargs

print(f(trace("a", 1), trace("b", 2), c=trace("c", 3), *[trace("d", 4)], **{"e": trace("e", 5)}))

def g(a, b, c):
    return a, b, c
print(g(c=trace("c", 3), a=trace("a", 1), b=trace("b", 2)))

def fn():
    print("eval callee")
    return g
print(fn()(trace("x", 1), trace("y", 2), trace("z", 3)))
