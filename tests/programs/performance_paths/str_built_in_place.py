# str results written in place (join, concat, slices, split pieces, case
# mapping, splitlines, strip, partition): ASCII and non-ASCII text, lone
# surrogates, empty and one-character results (the shared ones), the
# inline/heap size boundary (8 bytes), str subclasses, and errors.


class S(str):
    pass


def show(label, value):
    print(label, repr(value), type(value).__name__, len(value), hash(value) == hash(str(value)))


texts = ["", "a", "é", "ab", "abcdefg", "abcdefgh", "abcdefghi", "ééé", "éééé", "ééééé",
         "\u20ac\u20ac\u20ac", "\U0001f600x", "a\ud800b", "\udc00", "x" * 200, "é" * 150 + "z"]

# join: every size, separators of every kind, one item, subclasses.
for sep in ["", " ", "é", "--", "\ud83d", S("+")]:
    for parts in [[], ["a"], ["ab", "c"], ["abcd", "efgh"], ["abcd", "efghi"], ["é", "a"],
                  ["a\ud800", "b"], texts[:6], [S("q"), "r"]]:
        show("join", sep.join(parts))
show("join-gen", ",".join(str(i) for i in range(12)))
show("join-one-sub", "".join([S("solo")]))
print(type("".join([S("solo")])).__name__)
for bad in [["a", 1], [b"x"], ["a", None, "b"]]:
    try:
        "-".join(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    "".join(5)
except TypeError as e:
    print("TypeError", e)

# concatenation around the inline boundary and with non-ASCII/surrogates.
for x in texts[:12]:
    for y in ["", "b", "1234567", "12345678", "é", "\ud800"]:
        show("concat", x + y)
show("concat-sub", S("ab") + S("cd"))
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)

# slices (step 1) and indexing.
for t in texts:
    for a, b in [(0, 1), (1, 3), (0, 8), (0, 9), (2, None), (None, -1), (5, 2)]:
        show("slice", t[a:b])
show("slice-sub", S("hello world")[2:9])

# case mapping.
for t in texts + ["Hello World", "hELLO wORLD", "ǅungla", "ΣΑΣ ΑΣ", "ß straße", "İstanbul"]:
    show("upper", t.upper())
    show("lower", t.lower())
    show("capitalize", t.capitalize())
    show("casefold", t.casefold())
show("upper-sub", S("abc").upper())

# predicates (ASCII byte paths and code-point paths).
for t in ["", "abc", "ab1", "123", " \t\n\x1c\x1f", "\x1c", "é", "abcé", "٣", "Ⅷ", "a b", "_", "\ud800"]:
    print("preds", repr(t), t.isalpha(), t.isalnum(), t.isdigit(), t.isdecimal(),
          t.isnumeric(), t.isspace(), t.islower(), t.isupper())

# split, rsplit, splitlines, strip, partition.
for t in ["  alpha beta\tgamma\n", "one", "", "   ", "a\x1cb\x1fc", "é b  \u3000ç", "x\ud800 y",
          "line1\nline2\r\nline3\rline4\x0bl5\x0cl6\x1cl7\x1dl8\x1el9\x85l10\u2028l11", "end\n\n",
          "\r\n", "a\r"]:
    print("split", t.split(), t.split(" "), t.split(None, 1), t.rsplit(None, 1))
    print("splitlines", t.splitlines(), t.splitlines(True))
    print("strip", repr(t.strip()), repr(t.lstrip()), repr(t.rstrip()), repr(t.rstrip("\n1")))
    print("partition", t.partition(" "), t.rpartition(" "))
show("rstrip-dot", "Kalo mine.".rstrip("."))
show("rstrip-sub", S("abc..").rstrip("."))
show("rstrip-same-sub", S("abc").rstrip("."))
print(type(S("abc").strip()).__name__, type("abc".strip()) is str)
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
try:
    "a".strip(5)
except TypeError as e:
    print("TypeError", e)

# Results used as dict keys and set members (hashes of built strings).
counts = {}
for line in "Ka lo mi.\nMi ka ka.\nÉé éÉ é.".splitlines():
    for word in line.rstrip(".").lower().split():
        counts[word] = counts.get(word, 0) + 1
print(sorted(counts.items()))
print("ka" in counts, "".join(["k", "a"]) in counts, "é" + "é" in counts)

# Text made from Rust strings (str(), repr(), f-strings, format()).
for v in [0, 7, -7, 12345678, 123456789, -10**20, 2**64, 1.5, -0.0, None, True, "é", "\u20ac" * 3,
          "a\ud800", ("t", 1), [1, "x"], {"k": "é"}]:
    show("str", str(v))
    show("repr", repr(v))
    show("fstr", f"{v}|{v!r}")
show("format", format(1234567, ","))
show("format", format("é", ">5"))
show("fstr-width", f"{'kalo':>10} {3}")
