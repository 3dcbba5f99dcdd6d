from collections import OrderedDict
import copy
od = OrderedDict(a=1, b=2, c=3)
print(od, repr(OrderedDict()), list(od), od['b'])
od.move_to_end('a'); print(list(od.items()))
od.move_to_end('c', last=False); print(list(od.keys()))
print(od.popitem(), od.popitem(last=False), od)
try:
    od.move_to_end('zz')
except KeyError as e:
    print('KeyError', e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
x = OrderedDict([(1, 'x'), (2, 'y')]); y = OrderedDict([(2, 'y'), (1, 'x')])
print(x == y, x == dict(y), dict(x) == y, x != y, list(reversed(x)))
print(x.copy(), type(x.copy()).__name__, copy.deepcopy(x), copy.copy(x) == x)
x.extra = 5; print(x.extra, isinstance(x, dict))
class Sub(OrderedDict):
    pass
s = Sub(k=1); s['j'] = 2; s.move_to_end('k'); print(s)
r = OrderedDict(); r['self'] = r; print(r)
print(OrderedDict.fromkeys('ab', 0))
