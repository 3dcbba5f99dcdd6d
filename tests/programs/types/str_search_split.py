# str searching and splitting: ranges, negative indices, unicode, errors.
s = "héllo wörld, héllo again"
print(s.find("héllo"), s.find("héllo", 1), s.rfind("héllo"), s.rfind("héllo", 0, 10))
print(s.find("o", -5), s.find("o", -100, -50), s.find("", 30), s.find("", 24), s.rfind(""))
print(s.count("l"), s.count("l", 3, -3), s.count(""), s.count("", 5, 2), s.count("xyz"))
print(s.index("w"), s.rindex("l"), s.startswith("hé"), s.startswith("llo", 2), s.endswith("again", 0, 24))
print(s.startswith(("x", "héllo")), s.endswith(()), "".startswith(""), "a".startswith("", 2), "abc".endswith("", 3))
for bad in [lambda: s.index("zz"), lambda: s.rindex("zz", 3), lambda: s.find(5), lambda: s.count(None),
            lambda: s.startswith(("a", 1)), lambda: s.find("a", "b"), lambda: s.endswith(5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("a,b,,c,".split(","), "a,b,,c,".rsplit(",", 2), "  a  b  ".split(" "), "\u2003x\u2003y\x1c".split())
print("a b c d".split(None, 2), "a b c d".rsplit(None, 2), "a b c d".split(maxsplit=0), "  a b  ".rsplit(maxsplit=1))
print("one\ntwo\r\nthree\rfour\x0bfive\x1cix\u2028seven".splitlines())
print("a\n\nb\n".splitlines(True), "".splitlines(), "\n".splitlines(), "x".splitlines(keepends=True))
print("é-ß-ü".partition("-"), "é-ß-ü".rpartition("-"), "abc".rpartition("x"), "abc".partition("abc"))
print("ab".join(["x"]), "".join([]), "-".join(("é", "ß")), ", ".join({"k": 1}), "/".join(iter(["a", "b"])))
print("  é  ".strip(), "xxéxx".strip("x"), "abcba".strip("ab"), "\t\n a \x1f".strip(), "aaa".lstrip("a") + "|")
print("hello".replace("l", "L", 1), "hello".replace("", "-", 3), "aaaa".replace("aa", "b"), "é".replace("é", "e"))
print("hello".replace("l", "L", count=-1), "hello".replace("x", "y"), "".replace("", "z"), "ab".replace("", ""))
print("https://x.org".removeprefix("https://"), "file.tar.gz".removesuffix(".gz"), "abc".removeprefix(""))
print("é" in "café", "" in "abc", "fé" in "café", "x" not in "abc")
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
print("a\tb\tc".split("\t"), "abc".split("abc"), "aXbXc".split("X", -1), "aXbXc".rsplit("X", 1))
