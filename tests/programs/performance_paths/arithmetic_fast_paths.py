# Inline fast paths for numbers, subscripts, unpacking and iteration must
# agree with the general protocol in every corner.
import sys

for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (sys.maxsize, 1),
             (-sys.maxsize - 1, -1), (2**62, 4), (5, 0)]:
    for name, op in [("+", lambda x, y: x + y), ("-", lambda x, y: x - y),
                     ("*", lambda x, y: x * y), ("//", lambda x, y: x // y),
                     ("%", lambda x, y: x % y), ("&", lambda x, y: x & y),
                     ("|", lambda x, y: x | y), ("^", lambda x, y: x ^ y)]:
        try:
            print(a, name, b, "=", op(a, b))
        except ZeroDivisionError as e:
            print(a, name, b, "->", type(e).__name__, e)

for a, b in [(1.5, 2), (2, 1.5), (0.1, 0.2), (-0.0, 0.0), (1e308, 10.0),
             (2**53 + 1, 1.0), (1.0, 0), (float("inf"), 1), (True, 1.5)]:
    for name, op in [("+", lambda x, y: x + y), ("-", lambda x, y: x - y),
                     ("*", lambda x, y: x * y), ("/", lambda x, y: x / y)]:
        try:
            print(repr(a), name, repr(b), "=", repr(op(a, b)))
        except ZeroDivisionError as e:
            print(repr(a), name, repr(b), "->", type(e).__name__, e)

for a, b in [(2.0, 0.5), (4.0, -1.5), (10.0, 400.0), (0.0, -1.0), (-8.0, 1 / 3),
             (2.0, 2), (1e-300, -3.0), (float("nan"), 0.0)]:
    try:
        print(repr(a), "**", repr(b), "=", repr(a ** b))
    except (OverflowError, ZeroDivisionError) as e:
        print(repr(a), "**", repr(b), "->", type(e).__name__, e)

x = 10
x += 5
x -= 20
x *= 3
x //= 4
x %= 7
y = 2.5
y += 1
y *= 2
y /= 4
print(x, y)

items = [10, 20, 30]
t = (1, 2, 3)
print(items[0], items[-1], t[1], t[-3])
for bad in (3, -4):
    try:
        items[bad]
    except IndexError as e:
        print("IndexError:", e)
    try:
        t[bad]
    except IndexError as e:
        print("IndexError:", e)
items[-1] = 99
items[0] += 1
print(items)
try:
    items[5] = 1
except IndexError as e:
    print("IndexError:", e)

class Shouting(list):
    def __getitem__(self, i):
        return "item %r" % (i,)
    def __setitem__(self, i, v):
        print("set", i, v)
    def __iter__(self):
        yield "custom iteration"

s = Shouting([1, 2])
print(s[0], s[-1])
s[0] = 5
for v in s:
    print(v)
a, = Shouting([7])
print(a)

p, q = [1, 2]
(m, n), o = (3, 4), 5
print(p, q, m, n, o)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = (1, 2)
except ValueError as e:
    print("ValueError:", e)

grow = [1, 2, 3]
for v in grow:
    if v < 5:
        grow.append(v + 3)
print(grow)
total = 0
for i in range(sys.maxsize - 3, sys.maxsize):
    total += i - sys.maxsize
print(total)
print([i for i in range(10, 0, -3)], list(reversed(range(3))))
it = iter([1])
print(next(it), next(it, "done"), next(it, "done"))

class Odd(list):
    def __iter__(self):
        yield "x"
class OddTuple(tuple):
    def __iter__(self):
        yield "y"
print(list(Odd([1])), tuple(Odd([1])), sorted(Odd([1])), [*Odd([1])], set(Odd([1])))
print(list(OddTuple((1,))), [*OddTuple((1,))], max(OddTuple((1,))), dict.fromkeys(Odd([1])))
