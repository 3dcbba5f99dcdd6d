# CPython's exact TypeError messages for bad calls.
def f(a, b):
    return a + b

def attempt(thunk):
    try:
        thunk()
    except TypeError as e:
        print(type(e).__name__, e)

attempt(lambda: f(1))
attempt(lambda: f())
attempt(lambda: f(1, 2, 3))
attempt(lambda: f(1, 2, c=3))
attempt(lambda: f(1, a=2))
attempt(lambda: f(1, 2, b=3))

def one(x):
    pass
attempt(lambda: one())
attempt(lambda: one(1, 2))

def none():
    pass
attempt(lambda: none(1))
attempt(lambda: none(x=1))

def defaults(a, b=1):
    pass
attempt(lambda: defaults(1, 2, 3))
attempt(lambda: defaults())

def kwonly(a, *, b, c):
    pass
attempt(lambda: kwonly(1))
attempt(lambda: kwonly(1, 2, 3))
attempt(lambda: kwonly(1, b=2))

def three(a, b, c):
    pass
attempt(lambda: three())
