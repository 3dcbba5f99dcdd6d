# Functions as values: passed, returned, stored; partial application by hand.
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1))

def partial(fn, *bound, **kwbound):
    def call(*args, **kwargs):
        return fn(*bound, *args, **kwbound, **kwargs)
    return call

def volume(l, w, h):
    return l * w * h
v = partial(volume, 2, h=5)
print(v(3), v(w=4))

def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memoize
def slow_sq(n):
    print("computing", n)
    return n * n
print(slow_sq(4), slow_sq(4), slow_sq(5), sorted(slow_sq.cache.items()))

pipeline = [str.strip, str.lower, lambda s: s.replace(" ", "_")]
s = "  Hello World  "
for step in pipeline:
    s = step(s)
print(repr(s))
