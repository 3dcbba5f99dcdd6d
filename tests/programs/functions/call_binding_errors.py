# The TypeError messages of binding call arguments to parameters.
def f(a, b, c=3, *, d, e=5):
    pass
def g(x, /, y, *, z):
    pass
def h(*args, **kwargs):
    return args, kwargs
class K:
    def m(self, a):
        pass

calls = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3, 4, d=1),
    lambda: f(1, 2, d=4, q=9),
    lambda: f(1, 2, a=1, d=4),
    lambda: g(x=1, y=2, z=3),
    lambda: g(1, 2, 3),
    lambda: g(1, 2),
    lambda: K().m(),
    lambda: K().m(1, 2),
    lambda: K.m(),
    lambda: (lambda: None)(1),
    lambda: (lambda a, b: None)(1, 2, 3, b=4),
    lambda: f(1, 2, 3, 4, 5, d=1),
    lambda: f(*[1], **{"b": 2}),
    lambda: h(1, **{"a": 1}, **{"a": 2}),
]
for call in calls:
    try:
        call()
        print("no error")
    except TypeError as err:
        print(err)
print(h(1, 2, x=3), h(*"ab", **{"k": 1}))
def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2), defaults.__defaults__)
def kwonly(*, required):
    return required
try:
    kwonly()
except TypeError as err:
    print(err)
print(kwonly(required="ok"))
