# Every kind of pattern: literal, capture, wildcard, value, group,
# sequence (with star), mapping (with **rest), class, or, guard, as.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


def describe(subject):
    match subject:
        case None:
            return "None literal"
        case True:
            return "True literal"
        case 0 | 0.0:
            return "zero"
        case -1:
            return "minus one"
        case 1 + 2j:
            return "complex literal"
        case "hello" | b"bytes":
            return f"string literal {subject!r}"
        case Color.RED:
            return "value pattern RED"
        case (Color.GREEN):
            return "group pattern GREEN"
        case []:
            return "empty sequence"
        case [x]:
            return f"one item {x!r}"
        case [1, 2, *rest]:
            return f"starts 1, 2 then {rest!r}"
        case [first, *_, last] if first == last:
            return f"same ends {first!r}"
        case [first, *middle, last]:
            return f"first {first!r} middle {middle!r} last {last!r}"
        case {"kind": "point", "x": x, "y": y}:
            return f"point mapping {x},{y}"
        case {"kind": kind, **rest} if rest:
            return f"mapping kind {kind!r} rest {sorted(rest.items())!r}"
        case {}:
            return f"some mapping of {len(subject)}"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float() as number:
            return f"number {number!r}"
        case str() as text:
            return f"other text {text!r}"
        case _:
            return f"wildcard {type(subject).__name__}"


for value in [
    None, True, False, 0, 0.0, -1, 1 + 2j, "hello", b"bytes", Color.RED,
    Color.GREEN, [], (), [5], (6,), [1, 2], [1, 2, 3, 4], (7, 8, 7),
    [1, "a", "b", 9], range(3), {"kind": "point", "x": 1, "y": 2},
    {"kind": "box", "w": 3, "h": 4}, {"kind": "empty"}, {}, 500, 42, 2.5,
    "text", object, "hello world",
]:
    print(repr(value), "->", describe(value))

# Nested patterns and captures bound by the successful branch only.
match [(1, 2), {"a": [3, 4]}]:
    case [(a, b), {"a": [c, *d]}]:
        print("nested", a, b, c, d)

# An or-pattern binding the same names in every alternative.
for item in [(1, "x"), ["y", 2]]:
    match item:
        case (int(n), str(s)) | [str(s), int(n)]:
            print("or-pattern", n, s)

# A star capture is always a list, even from a tuple.
match (1, 2, 3):
    case (head, *tail):
        print(type(tail).__name__, head, tail)

# Guards see the captures and can fall through to the next case.
for n in range(4):
    match n:
        case x if x % 2:
            print(n, "odd")
        case x:
            print(n, "even", x)

# As-pattern on a whole sequence and on a sub-pattern.
match [1, [2, 3]]:
    case [1, [2, _] as inner] as whole:
        print("as", inner, whole)

# The subject is evaluated once.
calls = []


def subject():
    calls.append(1)
    return {"k": 1}


match subject():
    case {"x": 1}:
        pass
    case {"k": 1}:
        print("evaluated", len(calls), "time")

# A mapping pattern ignores extra keys; **rest collects them in a new dict.
source = {"a": 1, "b": 2, "c": 3}
match source:
    case {"a": 1, **others}:
        print(others, others is source, source)

# No case matches: nothing happens, captures from failed cases may linger.
match 10:
    case [x]:
        print("not reached")
print("done")
