# Keyword-only parameters after * and after *args.
def f(a, *, b, c=3):
    return a, b, c

print(f(1, b=2))
print(f(1, c=9, b=2))
try:
    f(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)

def g(*args, key, flag=False):
    return args, key, flag

print(g(1, 2, 3, key="k"))
try:
    g(1, 2)
except TypeError as e:
    print(type(e).__name__, e)

def h(*, x, y):
    return x + y
try:
    h()
except TypeError as e:
    print(type(e).__name__, e)
print(h(y=1, x=2))
