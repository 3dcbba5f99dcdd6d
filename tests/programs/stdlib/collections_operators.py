from collections import defaultdict, deque, OrderedDict
dd = defaultdict(int, a=1)
r = dd | {'b': 2}
print(type(r).__name__, r)
print(deque([1]) == [1], deque([1,2]).__len__(), deque('ab').index('b'))
print(type(OrderedDict(a=1) | {'b': 2}).__name__)
d = deque([1, 2, 3])
print(d[1], d[-1])
try:
    d[5]
except IndexError as e:
    print(e)
try:
    deque([1], maxlen=1).insert(0, 5)
except IndexError as e:
    print(e)
print(repr(deque([], maxlen=2)), deque([1, 2, 3], 2))
print(dd.default_factory, defaultdict(list).__missing__('x'))
print({'z': 0} | dd, type({'z': 0} | dd).__name__, OrderedDict(a=1) | {'b': 2}, {'b': 2} | OrderedDict(a=1))
x = defaultdict(list); x |= {'k': [1]}; print(x)
