# Builtin calls answered inline at a warmed CALL site (len, isinstance,
# list.append, list.pop, set.add/discard, dict.get): the same site then sees
# subclasses, objects in use elsewhere (a list being sorted), other types,
# rebound names and errors, and must answer as the full call does.
class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", type(obj).__name__)
        return False
class Odd(metaclass=Meta): pass
class Sized(list):
    def __len__(self): return 99
class Appender(list):
    def append(self, x): print("Appender.append", x); super().append(x)
class KeySet(set): pass
class DefaultDict(dict):
    def get(self, k, d=None): return ("sub", k, d)

def lengths(objs):
    out = []
    for o in objs:
        try:
            out.append(len(o))
        except TypeError as e:
            out.append(str(e))
    return out

warm = [[1, 2]] * 20
print(lengths(warm + [(1,), Sized([1]), "ab", 3, None, {1: 2}]))

def checks(pairs):
    return [isinstance(o, c) for o, c in pairs]
odd = Odd()
print(checks([(1, int)] * 10 + [(odd, Odd), (1, Odd), (True, int), (1, (str, int))]))

def appends(targets):
    for t in targets:
        t.append(len(t))
    return targets
print(appends([[] for _ in range(10)] + [Appender(), Appender([5])]))

def pops(lists):
    out = []
    for L in lists:
        try:
            out.append(L.pop())
        except IndexError as e:
            out.append(str(e))
    return out
print(pops([[i] for i in range(10)] + [[], Appender([7])]))

# The list is in use (being sorted) while the warmed sites see it.
L = [3, 1, 2]
def key(x):
    print("len during sort", len(L))
    try:
        L.append(0)
    except ValueError as e:
        print("ValueError", e)
    return x
for _ in range(3):
    L = [3, 1, 2]
    try:
        L.sort(key=key)
    except ValueError as e:
        print("sort ValueError", e)
    print(L)

def set_ops(sets, keys):
    for s in sets:
        for k in keys:
            s.add(k)
            s.discard(k)
            s.add(k)
    return sets
print(set_ops([set() for _ in range(10)] + [KeySet()], [1, 7, (1, 2), 2.5]))
try:
    set_ops([set()], [[1]])
except TypeError as e:
    print("TypeError", e)

def gets(ds):
    return [d.get(1) for d in ds] + [d.get(2, "dflt") for d in ds]
print(gets([{1: "one"}] * 10 + [DefaultDict({1: "x"})]))
try:
    gets([{}, {[]: 1}])
except TypeError as e:
    print("TypeError", e)
def gets_unhashable(d):
    return d.get([])
try:
    gets_unhashable({1: 2})
except TypeError as e:
    print("TypeError", e)

# Rebinding the builtin after the site warmed up.
def use_len(x):
    return len(x)
for _ in range(10):
    use_len([1])
import builtins
saved = builtins.len
builtins.len = lambda x: "patched"
print(use_len([1, 2]))
builtins.len = saved
print(use_len([1, 2]))
# Wrong counts and keywords at a warmed site.
for args in ([1], [1, 2], []):
    try:
        print(len(*args))
    except TypeError as e:
        print("TypeError", e)
try:
    isinstance(1, int, str)
except TypeError as e:
    print("TypeError", e)
try:
    [].append(obj=1)
except TypeError as e:
    print("TypeError", e)
