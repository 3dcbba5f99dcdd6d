from collections import deque, defaultdict, Counter, namedtuple, OrderedDict, ChainMap
import collections
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft('xy'); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d)
d.reverse(); print(d, d.count(2), d.index(2))
d.remove('a'); print(d); d.insert(1, 'z'); print(d)
del d[0]; d[0] = 'q'; print(d, list(reversed(d)))
m = deque(range(10), maxlen=3); print(m, m.maxlen); m.append(10); print(m); m.appendleft(0); print(m)
print(deque('abc') == deque('abc'), deque([1]) < deque([2]), deque([1, 2]) + deque([3]), deque([1]) * 3)
e = deque(); 
for f in (e.pop, e.popleft):
    try:
        f()
    except IndexError as ex:
        print(ex)
try:
    deque([1]).remove(5)
except ValueError as ex:
    print(ex)
try:
    deque([], maxlen=-1)
except ValueError as ex:
    print(ex)
dd = deque([1, 2])
try:
    for x in dd:
        dd.append(x)
except RuntimeError as ex:
    print(ex)
c = d.copy(); print(c, c is d, bool(deque()), deque(maxlen=0))
dd = deque([1,2,3]); dd += [4]; print(dd); dd *= 2; print(dd)
import copy
print(copy.copy(deque([1], 5)), copy.deepcopy(deque([[1]])))
print(isinstance(deque(), collections.abc.MutableSequence), deque[int])
dd = defaultdict(list)
dd['a'].append(1); dd['b']; print(dd, dd.default_factory, len(dd))
ddi = defaultdict(int, {'x': 1}, y=2); ddi['z'] += 5; print(sorted(ddi.items()))
print(defaultdict(), repr(defaultdict(None, a=1)))
try:
    defaultdict()['k']
except KeyError as ex:
    print('KeyError', ex)
try:
    defaultdict(1)
except TypeError as ex:
    print(ex)
print(copy.copy(dd), dd.copy() == dd, isinstance(dd, dict))
class Sub(defaultdict):
    pass
s = Sub(set); s[1].add(2); print(s, type(s).__name__)
cnt = Counter('abracadabra'); print(cnt.most_common(3), cnt['z'], sorted(cnt.elements())[:4])
cnt.update('aaz'); print(cnt['a'], cnt['z'], (cnt - Counter('a' * 10)).get('a'))
P = namedtuple('P', 'x y', defaults=[0]); p = P(1); print(p, p._replace(y=5), p._asdict(), P._fields, p.x)
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm['a'], cm['b'], len(cm))
