# Function introspection: __name__, __qualname__, __module__, __doc__, __dict__.
def top(a, b=1, *args, c, d=2, **kw):
    "Docstring here."
    x = a
    return x

print(top.__name__, top.__qualname__, top.__module__)
print(top.__doc__)
print(top.__defaults__, top.__kwdefaults__)
code = top.__code__
print(code.co_name, code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount)
print(code.co_varnames)
print(code.co_qualname)

class K:
    def method(self):
        def inner():
            pass
        return inner
print(K.method.__qualname__, K().method().__qualname__)

top.custom = "attr"
print(top.__dict__)
top.__name__ = "renamed"
print(top.__name__, top.__qualname__)

def nodoc():
    pass
print(nodoc.__doc__)
print(type(top).__name__)
try:
    top.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
