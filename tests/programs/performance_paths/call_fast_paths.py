# Positional calls of plain functions and bound methods take an
# allocation-free path; defaults, errors and recursion must behave the same.
def add(a, b):
    return a + b

def with_defaults(a, b=2, c=3):
    return (a, b, c)

class C:
    def __init__(self, base):
        self.base = base
    def plus(self, n, extra=0):
        return self.base + n + extra

print(add(1, 2))
print(with_defaults(1), with_defaults(1, 5), with_defaults(1, 5, 7))
c = C(10)
print(c.plus(1), c.plus(1, 2))
m = c.plus
print(m(5), m(5, 5))
print(C.plus(c, 3))

for call in (lambda: add(1), lambda: add(1, 2, 3), lambda: with_defaults(),
             lambda: m(), lambda: m(1, 2, 3)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))

def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)

print(1 < 2, 2.5 >= 2.5, 3 == 3.0, float("nan") != float("nan"), float("nan") == float("nan"))
print(-1 < 0 <= 0, 10 > 9.5, 1 != 1)
