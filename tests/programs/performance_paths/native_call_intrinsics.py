# len(), list.append and isinstance() answered inline by the native-call
# path for exact lists/tuples and exact classes; every other case (and
# every error) must behave as the full call.
class MyList(list):
    def __len__(self): return 42
    def append(self, x): print("MyList.append", x); super().append(x)
class PlainSub(list): pass
class MyTuple(tuple): pass

L = [1, 2, 3]
t = (1, 2)
for obj in (L, t, [], (), "héllo", {"a": 1}, {1, 2}, b"xy", range(5),
            MyList([1]), PlainSub([1, 2]), MyTuple((1, 2, 3))):
    print(type(obj).__name__, len(obj))
for bad in (5, None, 1.5, len):
    try:
        len(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    len()
except TypeError as e:
    print("TypeError", e)
try:
    len(L, t)
except TypeError as e:
    print("TypeError", e)

acc = []
for i in range(5):
    acc.append(i)
    acc.append(acc[-1] * 2)
print(acc, len(acc))
m = MyList()
m.append(7)
p = PlainSub()
p.append(8)
print(list(m), list(p), len(p))
list.append(acc, "unbound")
print(acc[-1])
try:
    list.append(5, 1)
except TypeError as e:
    print("TypeError", e)
try:
    acc.append()
except TypeError as e:
    print("TypeError", e)
try:
    acc.append(1, 2)
except TypeError as e:
    print("TypeError", e)
ap = acc.append
ap("bound")
print(acc[-1])
for x in [1, 2]:
    L.append(x)          # grows while iterated: the loop sees the new items
    if len(L) > 8:
        break
print(L)

class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", cls.__name__)
        return False
class WithMeta(metaclass=Meta): pass
class Base: pass
class Derived(Base): pass
class Liar:
    @property
    def __class__(self): return Base
w = WithMeta()
print(isinstance(w, WithMeta))      # exact type: no __instancecheck__
print(isinstance(1, WithMeta))
print(isinstance(Derived(), Base), isinstance(Base(), Derived))
print(isinstance(Liar(), Base), isinstance(Liar(), Liar))
print(isinstance(3, (str, int)), isinstance(3, int | str), isinstance(True, int))
try:
    isinstance(3, 4)
except TypeError as e:
    print("TypeError", e)

len = lambda x: "shadowed"
print(len(L))
del len
print(len(L))
isinstance(1, "not a class")
