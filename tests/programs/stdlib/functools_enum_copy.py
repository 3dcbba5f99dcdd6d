import functools, operator, heapq, bisect, keyword, copy, types, enum, reprlib
from functools import partial, reduce, wraps, lru_cache, cache, total_ordering, cached_property, singledispatch, cmp_to_key
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1))
p = partial(int, base=2); print(p('101'), p.func, p.keywords)
p2 = partial(pow, 2); print(p2(10), repr(partial(max, 1))[:20])
def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner
@deco
def hello(x):
    "doc"
    return x
print(hello.__name__, hello.__doc__, hello.__wrapped__ is not None, hello(3))
@lru_cache(maxsize=2)
def sq(x):
    return x * x
print(sq(2), sq(2), sq(3), sq(4), sq.cache_info())
@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
class C:
    @cached_property
    def val(self):
        print('computing'); return 42
c = C(); print(c.val, c.val)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(operator.itemgetter(1)([1, 2]), operator.attrgetter('real')(3), operator.methodcaller('upper')('a'), operator.add(1, 2))
h = [5, 1, 4]; heapq.heapify(h); heapq.heappush(h, 0); print(heapq.heappop(h), h, heapq.nlargest(2, [1, 5, 3]), heapq.nsmallest(2, [4, 2, 8]), list(heapq.merge([1, 3], [2, 4])))
a = [1, 2, 4]; bisect.insort(a, 3); print(a, bisect.bisect_left(a, 2), bisect.bisect(a, 2))
print(keyword.iskeyword('for'), keyword.iskeyword('x'), keyword.issoftkeyword('match'))
x = {'a': [1, [2]]}; y = copy.deepcopy(x); y['a'][1].append(3); print(x, y, copy.copy([1]) == [1])
class P:
    def __init__(self): self.l = [1]
q = copy.deepcopy(P()); print(q.l)
ns = types.SimpleNamespace(a=1); print(ns, types.FunctionType, isinstance(len, types.BuiltinFunctionType))
print(types.MappingProxyType({'k': 1})['k'], type(types.new_class('Z')).__name__)
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(Color.RED, Color(2), Color['GREEN'], list(Color), Color.RED.name, Color.RED.value, repr(Color.GREEN))
class F(enum.IntFlag):
    A = 1
    B = 2
print(F.A | F.B, int(F.A | F.B), F(3))
class A(enum.IntEnum):
    X = enum.auto()
    Y = enum.auto()
print(A.X + 1, A.Y, list(A))
print(reprlib.repr(list(range(100))))
try:
    Color(5)
except ValueError as e:
    print(e)
