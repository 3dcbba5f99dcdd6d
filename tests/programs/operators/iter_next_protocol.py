# The iterator protocol: __iter__ returning self, __next__ raising StopIteration.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(5)))
c = Countdown(2)
print(next(c), next(c))
try:
    next(c)
except StopIteration as e:
    print(type(e).__name__, repr(e))
for x in Countdown(3):
    print("loop", x)

class Reusable:
    def __iter__(self):
        return iter("xyz")
r = Reusable()
print(list(r), list(r))
a, b, c = Reusable()
print(a, b, c)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
