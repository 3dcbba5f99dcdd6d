# Generator introspection: gi_frame, gi_running, gi_suspended, gi_yieldfrom, inspect state.
import inspect

def gen():
    yield 1
    yield 2

g = gen()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g), g.gi_suspended, g.gi_running)
print(g.gi_frame.f_lineno, g.gi_code.co_name)
list(g)
print(inspect.getgeneratorstate(g), g.gi_frame)

def outer():
    yield from gen()
o = outer()
next(o)
print(o.gi_yieldfrom.__name__)
print(g.__name__, g.__qualname__)
def check():
    print(inspect.getgeneratorstate(c))
    yield
c = check()
next(c)
