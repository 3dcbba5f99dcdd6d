# str methods with ASCII fast paths (strip family, split on whitespace, case
# mapping) against the same methods on non-ASCII text, and the exact-str
# results of the methods called on a str subclass.
cases = ["", "   ", "  a b  ", "\t\nx\x0b\x0c\r\x1c\x1f", "\u3000x\u3000", "\x85y\xa0", "é  ", "  é", "..a..", "ééaéé", "a\u2028", "xyzzy"]
for c in cases:
    print(repr(c.strip()), repr(c.lstrip()), repr(c.rstrip()), repr(c.strip(".")), repr(c.strip("é")), repr(c.rstrip("yz")), repr(c.strip("\u3000x")), repr(c.strip(None)), repr(c.strip("")))
    print(c.split(), c.split(None, 1), c.rsplit(None, 1), c.lower(), c.upper(), c.casefold(), c.title(), c.swapcase())
print("A Ǆ ß ΣΑΣ".lower(), "ß".upper(), "ß".casefold())
for s in ["a b c", " a  b c ", "abc", "", "a\x1cb\x1fc"]:
    for n in (-1, 0, 1, 2):
        print(s.split(None, n), s.split(maxsplit=n), s.rsplit(None, n))

class S(str): pass
for m in ("strip", "rstrip", "lstrip", "lower", "upper", "casefold"):
    print(m, type(getattr(S("x"), m)()).__name__, type(getattr(S("X "), m)()).__name__)
print(type("".join([S("a")])).__name__, type(S("a b").split()[0]).__name__)
for c in ["", "a", "A", "hELLO wORLD", "1abc", " x", "éCOLE", "ǆemal", "ßa"]:
    print(repr(c.capitalize()), type(S(c).capitalize()).__name__)
print("-".join([]), "-".join(["a"]), "-".join(["a", "bé", ""]), "".join(("x", "y")), ", ".join(S(w) for w in "abc"))
for bad in (["a", 1], ("a", None, "b"), [b"x"]):
    try:
        "+".join(bad)
    except TypeError as e:
        print(e)
