# Singletons: None, NotImplemented, Ellipsis and their types/reprs.
print(None, repr(None), type(None).__name__, bool(None))
print(NotImplemented, type(NotImplemented).__name__)
print(Ellipsis, ..., ... is Ellipsis, type(...).__name__, bool(...))
print(type(None)() is None, type(...)() is ...)
nothing = None
try:
    nothing()
except TypeError as e:
    print(type(e).__name__, e)
try:
    bool(NotImplemented)
except TypeError as e:
    print(type(e).__name__, e)
print(None == None, None == 0, None != False)
def f():
    pass
print(f() is None)
print([None] * 2, {None: ...})
