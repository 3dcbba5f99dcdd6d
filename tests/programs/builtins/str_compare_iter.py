# Comparisons of exact str (a fast path), of str subclasses (which may
# override them), str iteration (ASCII and not) and ord().

words = ["", "a", "b", "ab", "abc", "é", "ée", "z", "\u20ac", "\U0001f600", "\ud800", "A"]
for x in words:
    row = []
    for y in words:
        row.append("".join("1" if r else "0" for r in (x < y, x <= y, x == y, x != y, x > y, x >= y)))
    print(ascii(x), " ".join(row))

print("0" <= "5" <= "9", "0" <= "x" <= "9", "a" < "b" < "a")


class Loud(str):
    def __lt__(self, other):
        print("Loud.__lt__", ascii(str(self)), ascii(str(other)))
        return "custom"

    def __gt__(self, other):
        print("Loud.__gt__", ascii(str(self)), ascii(str(other)))
        return NotImplemented


print(Loud("a") < "b")
print("b" > Loud("a"))
print(Loud("a") > "b")
print(Loud("a") == "a", "a" == Loud("a"), Loud("x") != "x")


class Plain(str):
    pass


print(Plain("a") < "b", "b" <= Plain("b"), Plain("c") > Plain("b"))

for left, right in [("a", 1), (1, "a"), ("a", None), ("a", b"a")]:
    try:
        print(left < right)
    except TypeError as err:
        print("TypeError:", err)
print("a" == 1, "a" != b"a")

for text in ["", "abc", "h\xe9llo", "\u20ac1", "x\U0001f600y", "\ud800z", Plain("sub")]:
    print(ascii(text), [ascii(ch) for ch in text], [ord(ch) for ch in text])

it = iter("ab\xe9")
print(next(it), next(it), next(it), next(it, "done"), next(it, "done"))
print(list(iter("")), list(reversed("abc")))

for bad in ["", "ab", b"", b"ab", bytearray(b"xy"), 5, None]:
    try:
        print(ord(bad))
    except TypeError as err:
        print("TypeError:", err)
print(ord(b"a"), ord(bytearray(b"b")), ord(Plain("c")), ord("\U0010ffff"), ord("\udfff"))

ord("toolong")
