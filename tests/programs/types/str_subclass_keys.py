# A str subclass may override __eq__: dict and set lookups, `in` and
# list.index must call it instead of comparing the text.
from enum import StrEnum


class Loud(str):
    def __eq__(self, other):
        print("  Loud.__eq__", str.__repr__(self), repr(other))
        return str.__eq__(self, other)

    __hash__ = str.__hash__


class Never(str):
    def __eq__(self, other):
        return False

    __hash__ = str.__hash__


class Plain(str):
    pass


print("dict lookups")
d = {"a": 1}
print(d[Loud("a")])
print(Never("a") in d, d.get(Never("a"), "missing"))
print(Plain("a") in d, d[Plain("a")])
d2 = {Loud("b"): 2}
print(d2["b"])
k = Never("k")
d3 = {k: 5}
print(d3[k], Never("k") in d3, "k" in d3)
d3["k"] = 6
print(len(d3), sorted(d3.values()))

print("sets")
s = {"x", "y"}
print(Loud("x") in s, Never("x") in s, Plain("y") in s)
s.add(Never("x"))
print(len(s))
s2 = {Never("z")}
print("z" in s2)

print("sequences")
items = ["p", "q"]
print(Never("p") in items, Plain("q") in items)
print(items.index(Loud("q")))
print(items.count(Never("p")), items.count(Plain("p")))
print(("p",) == (Never("p"),), ["q"] == [Plain("q")])
try:
    items.index(Never("p"))
except ValueError as e:
    print("ValueError", e)


class Color(StrEnum):
    RED = "red"
    BLUE = "blue"


print("StrEnum")
table = {Color.RED: 1, "blue": 2}
print(table["red"], table[Color.BLUE], Color.RED in {"red"})
print({"red": 0}[Color.RED])
