# *args collects extra positionals into a tuple; * unpacking at call sites.
def f(*args):
    return type(args).__name__, args

print(f())
print(f(1))
print(f(1, 2, 3))
print(f(*[4, 5], 6, *(7,)))
print(f(*"ab", *range(3)))

def g(a, b, *rest):
    return a, b, rest
print(g(1, 2))
print(g(*range(6)))

def total(*nums, start=0):
    for n in nums:
        start += n
    return start
print(total(1, 2, 3))
print(total(1, 2, 3, start=100))
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
