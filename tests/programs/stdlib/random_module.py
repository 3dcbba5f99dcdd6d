import random, _random
r = _random.Random(42)
print(r.random(), r.getrandbits(8), r.getrandbits(70), r.getrandbits(0))
random.seed(12345)
print(random.random(), random.randint(1, 100), random.choice('abcdef'), random.uniform(1, 2))
l = list(range(10)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.randrange(0, 100, 7), random.getrandbits(100))
print(random.gauss(0, 1), random.choices('abc', k=5), random.triangular(), random.betavariate(2, 3))
st = random.getstate(); a = random.random(); random.setstate(st); print(a == random.random())
rr = random.Random(2**100 + 7); print(rr.random())
rr.seed(-5); x = rr.random(); rr.seed(5); print(x == rr.random())
print(random.Random(0).random(), random.Random(1.5).random() == random.Random(1.5).random())
try:
    r.getrandbits(-1)
except ValueError as e:
    print(e)
try:
    r.setstate((1, 2))
except ValueError as e:
    print(e)
print(len(r.getstate()), random.Random().random() != random.Random().random())
print(random.binomialvariate(10, 0.5) <= 10, random.expovariate(1.0) > 0)
from collections import deque
import itertools, _thread
class D(deque):
    def peek(self): return self[-1]
d = D([1, 2], maxlen=3); d.append(3); d.append(4)
print(d, d.peek(), type(d).__name__, isinstance(d, deque))
class C(itertools.count):
    pass
c = C(5); print(next(c), next(c), type(c).__name__)
class L(_thread.RLock):
    pass
l = L()
with l:
    print('locked', l._is_owned())
print(l._is_owned())
