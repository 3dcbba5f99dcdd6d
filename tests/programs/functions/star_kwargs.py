# **kwargs collects extra keywords into a dict, in call order.
def f(**kwargs):
    return kwargs

print(f())
print(f(b=2, a=1))
print(f(**{"x": 1}, y=2, **{"z": 3}))

def g(a, **kw):
    return a, kw
print(g(1, b=2))
print(g(a=1, b=2))
print(g(**{"a": 5, "c": 6}))
try:
    f(**{"x": 1}, x=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)

def h(*args, **kwargs):
    return args, kwargs
print(h(1, 2, x=3))
print(h(*(1,), **{"k": "v"}))
