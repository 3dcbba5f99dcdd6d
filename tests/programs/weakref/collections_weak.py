# WeakValueDictionary, WeakKeyDictionary and WeakSet with del and with
# gc.collect() on cycles.
import gc
import weakref


class Item:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Item({self.n})"


values = weakref.WeakValueDictionary()
a, b, c = Item(1), Item(2), Item(3)
values["a"] = a
values["b"] = b
values["c"] = c
print(len(values), sorted(values), values["a"], values.get("z"))
del a
print(len(values), sorted(values), "a" in values)
try:
    values["a"]
except KeyError as e:
    print("KeyError:", e)
print(sorted(values.items(), key=lambda kv: kv[0]))
print(values.pop("b"), len(values))
values.setdefault("d", c)
print(sorted(values.keys()))

keys = weakref.WeakKeyDictionary()
x, y = Item(10), Item(20)
keys[x] = "x"
keys[y] = "y"
print(len(keys), keys[x], x in keys)
del x
print(len(keys), list(keys.values()))

s = weakref.WeakSet()
p, q, r = Item(5), Item(6), Item(7)
s.add(p)
s.add(q)
s.add(r)
print(len(s), q in s)
del q
print(len(s), sorted(i.n for i in s))
s.discard(r)
print(len(s))

# Objects kept alive only by a cycle vanish at gc.collect().
e = Item(8)
e.self = e
values["e"] = e
s.add(e)
keys[e] = "e"
del e
print(len(values), len(s), len(keys))
gc.collect()
print(len(values), len(s), len(keys), sorted(values))

# Iterating while items die.
many = [Item(i) for i in range(5)]
ws = weakref.WeakSet(many)
seen = 0
for item in ws:
    seen += 1
del item
del many[:3]
print(seen, len(ws))

# WeakMethod.
class M:
    def m(self):
        return "called"


mm = M()
wm = weakref.WeakMethod(mm.m)
print(wm()(), wm() == mm.m)
del mm
print(wm())
