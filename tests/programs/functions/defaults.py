# Default values are evaluated once, at definition time.
counter = 0
def next_value():
    global counter
    counter += 1
    return counter

def f(a, b=next_value(), c=next_value()):
    return a, b, c

print(f(10))
print(f(10, 20))
print(f(10, c=30))
print(counter)
print(f.__defaults__)

x = 5
def g(y=x):
    return y
x = 6
print(g())

def h(a, b=2, *, c, d=4):
    return a, b, c, d
print(h.__defaults__, h.__kwdefaults__)
print(h(1, c=3))
h.__defaults__ = (99,)
print(h(1, c=3))
def none_defaults(a, b):
    pass
print(none_defaults.__defaults__, none_defaults.__kwdefaults__)
