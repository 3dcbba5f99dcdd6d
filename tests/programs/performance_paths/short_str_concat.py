# `str + str` builds results of up to eight bytes in place: the edges of
# that (length 8 and 9 bytes, non-ASCII, lone surrogates, empty operands,
# one-character results, subclasses) must give what the general path gives.

cases = [
    ("ab", "c"),
    ("abcd", "efgh"),
    ("abcd", "efghi"),
    ("a", "bcdefgh"),
    ("é", "e"),
    ("€", "uro"),
    ("ab", "€€"),
    ("€€", "€"),
    ("\ud83d", "\ude00"),
    ("x\udc80", "y"),
    ("", "abc"),
    ("abc", ""),
    ("", ""),
    ("a", ""),
    ("\U0001f600", "!"),
]
for a, b in cases:
    s = a + b
    print(ascii(s), len(s), s.isascii(), [ord(c) for c in s][:10], hash(s) == hash(a + b))
    print(s == "".join([a, b]), s.upper() == (a + b).upper(), s[::-1] == (b[::-1] + a[::-1]))
    if len(s) > 1:
        print(ascii(s[1]), ascii(s[-1]), s.find(b) if b else -1)

# An empty operand gives back the other object.
x = "abc"
print((x + "") is x, ("" + x) is x)


class S(str):
    pass


v = S("ab") + "cd"
print(type(v).__name__, v)
v = "ab" + S("cd")
print(type(v).__name__, v)
d = {}
for i in range(5):
    d["k" + str(i)] = i
print(d, d.get("k" + "3"))
print("ab" + "c" in {"abc"}, ("ab" + "c") == "abc")
try:
    "ab" + 1
except TypeError as e:
    print("TypeError:", e)
"ab" + None
