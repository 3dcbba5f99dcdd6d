# Attribute caches remember where an instance keeps its attributes (per
# class): sites shared by classes with different layouts (builtin bases),
# __dict__ replaced, deletions, and hooks added later.


class Plain:
    pass


class FromInt(int):
    pass


class FromList(list):
    pass


class FromExc(Exception):
    pass


class WithSlots:
    __slots__ = ("s", "__dict__")


def store(o, v):
    o.a = v


def load(o):
    return o.a


def warm(objs, rounds=50):
    total = 0
    for i in range(rounds):
        for o in objs:
            store(o, i)
            total += load(o)
    return total


objs = [Plain(), FromInt(7), FromList([1, 2]), FromExc("e"), WithSlots()]
print(warm(objs))
print([load(o) for o in objs])
print(int(objs[1]), list(objs[2]), objs[3].args)
print([sorted(vars(o)) for o in objs])

# Fresh instances of each class: first stores take the out-of-line path.
for cls in (Plain, FromInt, FromList, WithSlots):
    fresh = cls()
    store(fresh, "x")
    print(cls.__name__, load(fresh), vars(fresh))


# __dict__ replaced after warming.
q = Plain()
for i in range(30):
    store(q, i)
q.__dict__ = {"a": "from dict", "z": 1}
print(load(q))
store(q, "stored")
print(q.__dict__)
q.__dict__ = {}
try:
    load(q)
except AttributeError as e:
    print("AttributeError:", e)
store(q, 5)
print(load(q), q.__dict__)

# Deleted, then the error message, then set again.
r = Plain()
for i in range(30):
    store(r, i)
del r.a
try:
    load(r)
except AttributeError as e:
    print("AttributeError:", e)
try:
    del r.a
except AttributeError as e:
    print("AttributeError:", e)
store(r, "again")
print(load(r), vars(r))

# Many attributes: values grow past the inline block.
big = Plain()
for i in range(40):
    setattr(big, "k%d" % i, i)
for i in range(30):
    store(big, i)
print(load(big), len(vars(big)), list(vars(big))[-1])


# A class attribute added later shadows nothing for instances; a data
# descriptor added later wins over the instance value.
class Later:
    pass


l = Later()
for i in range(30):
    store(l, i)
    load(l)
Later.a = "class value"
print(load(l))
store(l, "inst")
print(load(l), Later.a)


class Desc:
    def __get__(self, obj, cls):
        return ("desc", obj.__dict__.get("a"))

    def __set__(self, obj, value):
        obj.__dict__["a"] = ("set", value)


Later.a = Desc()
store(l, 9)
print(load(l))
del Later.a
print(load(l))


# __setattr__ overridden after warming.
class Hooked:
    pass


h = Hooked()
for i in range(30):
    store(h, i)
    load(h)


def hooked_setattr(self, name, value):
    object.__setattr__(self, name, ("hooked", value))


Hooked.__setattr__ = hooked_setattr
store(h, 3)
print(load(h))
del Hooked.__setattr__
store(h, 4)
print(load(h))


# Properties with a setter on a subclass sharing the site.
class Prop(Plain):
    @property
    def a(self):
        return ("prop", self._a)

    @a.setter
    def a(self, value):
        self._a = value * 2


pp = Prop()
for i in range(30):
    store(pp, i)
    store(Plain(), i)
print(load(pp), vars(pp))


class NoSetter(Plain):
    @property
    def a(self):
        return "read only"


ns = NoSetter()
try:
    store(ns, 1)
except AttributeError as e:
    print("AttributeError:", e)
print(load(ns))


# Slots only (no __dict__) sharing the site.
class OnlySlots:
    __slots__ = ("a",)


s = OnlySlots()
for i in range(30):
    store(s, i)
print(load(s))
del s.a
try:
    load(s)
except AttributeError as e:
    print("AttributeError:", e)


class NoA:
    __slots__ = ("b",)


try:
    store(NoA(), 1)
except AttributeError as e:
    print("AttributeError:", e)


# Functions and plain exceptions keep attributes too.
def fn():
    pass


exc = ValueError("v")
for i in range(30):
    store(fn, i)
    store(exc, i)
print(load(fn), load(exc), fn.__dict__, exc.__dict__)
