# Lambdas: expressions, defaults, closures, names.
sq = lambda x: x * x
print(sq(7), sq.__name__, sq.__qualname__)
add = lambda a, b=10, *r, k=1, **kw: (a + b, r, k, kw)
print(add(1))
print(add(1, 2, 3, k=4, z=5))
print((lambda: "no args")())
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
def outer():
    return lambda: 1
print(outer().__qualname__)
fns = {"neg": lambda x: -x, "abs": lambda x: abs(x)}
print({k: f(-3) for k, f in fns.items()})
print((lambda x: (yield x))(5).__class__.__name__)
