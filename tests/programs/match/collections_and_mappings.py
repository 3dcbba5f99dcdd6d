# What counts as a sequence or a mapping for patterns: builtins, their
# subclasses, collections.abc registrations and subclasses; str, bytes and
# bytearray are not sequences. Mapping patterns look keys up with get().
import collections
import collections.abc


def kind(subject):
    match subject:
        case {**rest}:
            return f"mapping {rest}"
        case [*items]:
            return f"sequence {items}"
        case _:
            return "neither"


class Registered:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if 0 <= i < 2:
            return i * 10
        raise IndexError(i)


collections.abc.Sequence.register(Registered)


class SubRegistered(Registered):
    pass


class MyMapping(collections.abc.Mapping):
    def __init__(self, data):
        self.data = data

    def __getitem__(self, key):
        return self.data[key]

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)


class MySeq(collections.abc.Sequence):
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if 0 <= i < 3:
            return "abc"[i]
        raise IndexError(i)


class DictSub(dict):
    pass


class ListSub(list):
    pass


class StrSub(str):
    pass


for value in [
    [1], (2,), range(2), memoryview(b"hi"), collections.deque([3, 4]),
    Registered(), SubRegistered(), MySeq(), ListSub([5]), "str", b"bytes",
    bytearray(b"ba"), StrSub("s"), {"a": 1}, DictSub(b=2),
    collections.OrderedDict(c=3), collections.defaultdict(int, d=4),
    MyMapping({"e": 5}), {1, 2}, frozenset(), 42, None, iter([1]),
]:
    print(type(value).__name__, "->", kind(value))

# A defaultdict's default factory is not triggered: get() is used.
counts = collections.defaultdict(list)
match counts:
    case {"missing": value}:
        print("not reached")
    case _:
        print("defaultdict untouched:", dict(counts))


# A mapping whose get() is overridden is asked through get().
class Logged(dict):
    def get(self, key, default=None):
        print("get", repr(key))
        return super().get(key, default)


match Logged(a=1, b=2):
    case {"a": 1, "b": b}:
        print("matched via get, b =", b)

# None values are found (the sentinel is not None).
match {"k": None}:
    case {"k": None}:
        print("None value matched")

# Duplicate keys from value patterns are a ValueError at run time.
class Keys:
    A = "a"
    B = "a"


try:
    match {"a": 1}:
        case {Keys.A: 1, Keys.B: 2}:
            pass
except ValueError as e:
    print("ValueError:", e)

# Length checks use len(): a sequence of the wrong length is no match.
match Registered():
    case [a, b, c]:
        print("not reached")
    case [a, b]:
        print("registered sequence items", a, b)

# Star patterns on a deque and a range.
match collections.deque(range(5)):
    case [first, *middle, last]:
        print(first, middle, last)
match range(10, 14):
    case [10, *rest]:
        print("range rest", rest)


# Registration reaches existing subclasses, and replaces the other kind.
class Later:
    pass


class LaterSub(Later):
    pass


collections.abc.Mapping.register(Later)
match LaterSub():
    case {}:
        print("registered later: subclass matches as a mapping")


class ListLike(list):
    pass


collections.abc.Mapping.register(ListLike)
match ListLike([1]):
    case [a]:
        print("still a sequence", a)
    case {}:
        print("now a mapping")

# Builtin types keep their kind whatever is registered.
collections.abc.Mapping.register(tuple)
match (1,):
    case [a]:
        print("tuple stays a sequence", a)


# The solid base decides for a class with both kinds among its bases.
class Both(dict, collections.abc.Sequence):
    pass


match Both():
    case []:
        print("sequence")
    case {}:
        print("mapping")


# Otherwise the first kind along the MRO wins, whatever the layout.
class SequenceFirst(collections.abc.Sequence, dict):
    pass


class Mixin:
    pass


class MixedSequence(Mixin, collections.abc.MutableSequence):
    def __getitem__(self, i):
        raise IndexError(i)

    def __len__(self):
        return 0

    __setitem__ = __delitem__ = insert = None


class MixedList(Mixin, list):
    pass


for value in [SequenceFirst(), MixedSequence(), MixedList([1])]:
    print(type(value).__name__, "->", kind(value))

# A mappingproxy is a mapping.
import types

match types.MappingProxyType({"a": 1}):
    case {"a": v}:
        print("mappingproxy", v)
match type.__dict__:
    case {"__name__": _}:
        print("type.__dict__ is a mapping")
