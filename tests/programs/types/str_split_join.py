# str.split / rsplit / splitlines / join.
s = "  the quick  brown fox  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1))
print("".split(), "".split(","), "abc".split("abc"))
print("line1\nline2\r\nline3\n".splitlines(), "x\ny\n".splitlines(keepends=True))
print("-".join(["a", "b", "c"]), "".join("xyz"), ", ".join(map(str, range(4))))
print("ab".join("12345"))
try:
    "".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".split("")
except ValueError as e:
    print(type(e).__name__, e)
print("k=v=w".partition("="), "k=v=w".rpartition("="), "kv".partition("="))
