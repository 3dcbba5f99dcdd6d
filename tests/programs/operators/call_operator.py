# __call__ makes instances callable.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *rest, scale=1):
        return (x * self.k + sum(rest)) * scale

double = Multiplier(2)
print(double(5), double(5, 1, 1), double(5, scale=10))
print(callable(double), callable(Multiplier), callable(5))
print(list(map(Multiplier(3), [1, 2, 3])))

class Counter:
    def __init__(self):
        self.calls = 0
    def __call__(self):
        self.calls += 1
        return self.calls
c = Counter()
c(); c()
print(c(), c.calls)
not_callable = 5
try:
    not_callable()
except TypeError as e:
    print(type(e).__name__, e)
text = "text"
try:
    text()
except TypeError as e:
    print(type(e).__name__, e)
