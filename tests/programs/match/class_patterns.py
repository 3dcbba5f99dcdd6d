# Class patterns: __match_args__, keyword sub-patterns, dataclasses,
# the self-matching builtins, and the errors CPython reports.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Line:
    # What @dataclass would generate (dataclasses needs _io, which krait
    # lacks for now).
    __match_args__ = ("start", "end", "label")

    def __init__(self, start, end, label=""):
        self.start = start
        self.end = end
        self.label = label


print(Line.__match_args__)


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Line(Point(x1, y1), Point(x2, y2), label=label):
            return f"line {x1},{y1} -> {x2},{y2} {label!r}"
        case Point():
            return "somewhere"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2),
          Line(Point(1, 2), Point(3, 4), "l"), "x"]:
    print(where(p))

# The builtins that match themselves with one positional sub-pattern.
for value in [True, bytearray(b"ba"), b"by", {"d": 1}, 1.5, frozenset({1}),
              7, [1], {2}, "s", (3,)]:
    match value:
        case bool(v) | bytearray(v) | bytes(v) | dict(v) | float(v):
            print("self-match", type(v).__name__, v is value)
        case frozenset(v) | int(v) | list(v) | set(v) | str(v) | tuple(v):
            print("self-match", type(v).__name__, v is value)


# Subclasses of those builtins match themselves too, unless they declare
# __match_args__.
class MyInt(int):
    pass


class Named(int):
    __match_args__ = ("real", "imag")


match MyInt(4):
    case MyInt(v):
        print("subclass self-match", type(v).__name__, v)
match Named(5):
    case Named(r, i):
        print("declared", r, i)

# bool is a subclass of int: int(x) matches True.
match True:
    case int(x):
        print("int matches", x)


# A keyword attribute that is missing means no match.
class Empty:
    pass


match Empty():
    case Empty(missing=1):
        print("not reached")
    case Empty():
        print("missing attribute: no match")

# isinstance() semantics, including __instancecheck__.
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "special"


class Anything(metaclass=Meta):
    pass


match "special":
    case Anything():
        print("__instancecheck__ honoured")


# Attribute errors other than AttributeError propagate.
class Exploding:
    __match_args__ = ("boom",)

    @property
    def boom(self):
        raise ZeroDivisionError("from the property")


try:
    match Exploding():
        case Exploding(x):
            pass
except ZeroDivisionError as e:
    print("propagated:", e)


# An AttributeError from a property is a non-match.
class Shy:
    @property
    def hidden(self):
        raise AttributeError("hidden")


match Shy():
    case Shy(hidden=_):
        print("not reached")
    case _:
        print("AttributeError is no match")


# The errors.
class ListArgs:
    __match_args__ = ["a"]


class TwoArgs:
    __match_args__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2


class BadName:
    __match_args__ = (1,)


class NotAClass:
    pass


not_a_class = NotAClass()


def attempt(label, function):
    try:
        function()
    except TypeError as e:
        print(label, "TypeError:", e)


def list_args():
    match ListArgs():
        case ListArgs(x):
            pass


def too_many():
    match TwoArgs():
        case TwoArgs(x, y, z):
            pass


def too_many_builtin():
    match 5:
        case int(x, y):
            pass


def no_positional():
    match Empty():
        case Empty(x):
            pass


def repeated():
    match TwoArgs():
        case TwoArgs(x, a=1):
            pass


def bad_name():
    match BadName():
        case BadName(x):
            pass


def not_a_class_pattern():
    match 1:
        case not_a_class.__class__.__init__(x):
            pass


attempt("list __match_args__:", list_args)
attempt("too many:", too_many)
attempt("too many builtin:", too_many_builtin)
attempt("none allowed:", no_positional)
attempt("repeated:", repeated)
attempt("bad name:", bad_name)
attempt("not a class:", not_a_class_pattern)
