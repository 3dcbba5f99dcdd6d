# set mutating methods: add/remove/discard/pop/clear/update family.
s = {1, 2, 3}
s.add(4)
s.add(1)
print(s)
s.remove(4)
s.discard(99)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
s.update([5, 6], {7})
print(s)
s.intersection_update({1, 2, 5, 6, 7, 100})
print(s)
s.difference_update([1])
print(s)
s.symmetric_difference_update({2, 8})
print(s)
s |= {10}
s &= {5, 6, 7, 8, 10}
s -= {5}
s ^= {6, 11}
print(s)
p = {42}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print(type(e).__name__, e)
c = {1, 2}
d = c.copy()
d.clear()
print(c, d)
