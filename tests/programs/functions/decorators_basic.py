# Function decorators: wrapping, replacement, and application order.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    return wrapper

@shout
def greet(name):
    return "hello " + name

print(greet("world"))
print(greet.__name__)

calls = []
def trace(fn):
    def wrapper(*a):
        calls.append(fn.__name__)
        return fn(*a)
    wrapper.__name__ = fn.__name__
    return wrapper

@trace
def add(a, b):
    return a + b
print(add(1, 2), add(3, 4), calls, add.__name__)

def replace(fn):
    return 42

@replace
def gone():
    pass
print(gone)

registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn

@register
def a(): pass
@register
def b(): pass
print(registry)
