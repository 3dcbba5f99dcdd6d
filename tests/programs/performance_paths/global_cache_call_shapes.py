# The LOAD_GLOBAL cache (versions of globals and builtins read inline) and
# the fast-tier CALL dispatch by the callable's class.
import builtins
import types

G = 1


def read_g():
    return G


out = []
for i in range(6):
    out.append(read_g())
    if i == 1:
        G = 2
    elif i == 2:
        globals()["G"] = 3
    elif i == 3:
        del G
        try:
            read_g()
        except NameError as e:
            out.append(str(e))
        G = 4
print(out)


# A global shadowing a builtin, then removed: the builtin comes back.
def call_len():
    return len([1, 2, 3])


print(call_len())
len = lambda x: "shadowed"
print(call_len())
del len
print(call_len())

# The builtins dict changed under a cached site.
saved = builtins.isinstance
print([isinstance(1, int) for _ in range(3)])
builtins.isinstance = lambda a, b: "patched"
print([isinstance(1, int) for _ in range(3)])
builtins.isinstance = saved
print([isinstance(1, int) for _ in range(3)])


# A globals dict holding a non-str key with the same hash as a name.
class Sneaky:
    def __hash__(self):
        return hash("H")

    def __eq__(self, other):
        return False


globals()[Sneaky()] = "sneaky"
H = "real H"


def read_h():
    return H


print([read_h() for _ in range(3)])


# Every callable shape through the same call site.
class WithCall:
    def __call__(self, x):
        return ("__call__", x)


class WithInit:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f"WithInit({self.x})"

    def method(self, x):
        return ("method", x)


def plain(x):
    return ("plain", x)


def gen(x):
    yield x


callables = [
    plain,
    len,
    [].append,
    list.append,
    str.upper,
    WithCall(),
    WithInit,
    WithInit(0).method,
    types.MethodType(len, [1, 2]),
    types.MethodType(plain, "self"),
    lambda *a: a,
    int,
    gen,
    print,
]
for f in callables:
    try:
        r = f("ab")
        if isinstance(r, types.GeneratorType):
            r = list(r)
        print(type(f).__name__, r)
    except (TypeError, ValueError) as e:
        print(type(f).__name__, type(e).__name__, e)

# Builtins called wrongly from the fast tier: the general path's errors.
for args in [(), (1, 2), ([1],)]:
    try:
        print(len(*args))
    except TypeError as e:
        print("TypeError:", e)
for this in [[1], (1,), "s"]:
    try:
        list.append(this, 2)
        print(this)
    except TypeError as e:
        print("TypeError:", e)
try:
    list.append()
except TypeError as e:
    print("TypeError:", e)


class MyList(list):
    def __len__(self):
        return 42


print([len(MyList([1])) for _ in range(2)], isinstance(MyList(), list))
ml = MyList()
for i in range(3):
    ml.append(i)
print(ml, list.__len__(ml))
print(math_missing)
