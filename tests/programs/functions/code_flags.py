# co_flags bits and other __code__ attributes visible to users.
import inspect

def plain(a, b): pass
def varargs(*a): pass
def varkw(**k): pass
def gen():
    yield 1
async def coro(): pass

for fn in (plain, varargs, varkw, gen, coro):
    f = fn.__code__.co_flags
    print(fn.__name__,
          bool(f & inspect.CO_VARARGS),
          bool(f & inspect.CO_VARKEYWORDS),
          bool(f & inspect.CO_GENERATOR),
          bool(f & inspect.CO_COROUTINE))

def locals_demo(x):
    y = x + 1
    z = y * 2
    return z
print(locals_demo.__code__.co_varnames, locals_demo.__code__.co_nlocals)
print(locals_demo.__code__.co_filename)
print(locals_demo.__code__.co_firstlineno)
print(inspect.isgeneratorfunction(gen), inspect.iscoroutinefunction(coro))
