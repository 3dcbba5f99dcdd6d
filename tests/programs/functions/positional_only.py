# Positional-only parameters (PEP 570) and the errors for misuse.
def f(a, b, /, c, d=4):
    return (a, b, c, d)

print(f(1, 2, 3))
print(f(1, 2, c=3))
print(f(1, 2, 3, d=5))
try:
    f(1, b=2, c=3)
except TypeError as e:
    print(type(e).__name__, e)

def g(x, /, **kwargs):
    return x, kwargs

# A positional-only name may also appear in **kwargs.
print(g(1, x=2))
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f()
except TypeError as e:
    print(type(e).__name__, e)
