# bytes methods shared with bytearray: search, split, strip, case, padding, hex, translate.
b = b"Hello, World! hello"
print(b.find(b"llo"), b.find(108), b.rfind(b"l"), b.index(b"W"), b.rindex(b"o", 0, 10), b.count(b"l"), b.count(b""))
print(b.startswith(b"He"), b.startswith((b"x", b"Hel")), b.endswith(b"lo", 0, 5), b.find(b"", 99), b.find(b"l", -3))
print(b.split(), b.split(b", "), b.rsplit(b"l", 2), b"a\tb\nc\x0bd  ".split(), b"1 2 3".split(maxsplit=1), b"  x  ".rsplit(None, 0))
print(b"a\nb\r\nc\rd".splitlines(), b"a\nb".splitlines(keepends=True), b"k=v".partition(b"="), b"k=v".rpartition(b"x"))
print(b"  xy  ".strip(), b"xxyxx".strip(b"x"), b"abc".lstrip(b"a"), b"abc".rstrip(b"c"), b"--".join([b"a", bytearray(b"b")]))
print(b.upper(), b.lower(), b.swapcase(), b"hello world".title(), b"hELLO".capitalize(), b"ab1".isalnum(), b"ab".isalpha())
print(b"12".isdigit(), b" \t".isspace(), b"Ab Cd".istitle(), b"abc".islower(), b"ABC".isupper(), b"\x80".isascii(), b"".isalpha())
print(b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"-5".zfill(4), b"a\tb".expandtabs(4))
print(b"\x00\xff\x10".hex(), b"abcdef".hex(":", 2), b"abcdef".hex("-", -4), bytes.fromhex("de ad be ef"), bytearray.fromhex("00ff"))
t = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc".translate(t), b"aabbcc".translate(None, b"b"), b"hello".replace(b"l", b"L"), b"aaa".replace(b"a", b"b", 2))
print(b"abc".removeprefix(b"ab"), b"abc".removesuffix(b"bc"), b"abc".decode(), b"caf\xc3\xa9".decode("utf-8"))
print(bytes(3), bytes([65, 66]), bytes(b"ab"), bytes("hi", "ascii"), bytes(range(3)), bytes(bytearray(b"z")), bytes(memoryview(b"mv")))
print(b"ab" + bytearray(b"cd"), b"ab" * 3, 3 * b"x", b"a" < b"b", b"ab" == b"ab", hash(b"ab") == hash(b"ab"), b"ab"[::-1])
print(list(b"abc"), b"abc"[1], b"abc"[-1], b"abc"[5:], 98 in b"abc", b"bc" in b"abc", len(b""), repr(b"\\'\"\x7f"))
for bad in [lambda: b"a".find("a"), lambda: b"a".find(256), lambda: b"a".center(3, b"ab"), lambda: bytes("x"),
            lambda: bytes(-1), lambda: bytes([300]), lambda: bytes(1.5), lambda: b"a" + "b", lambda: bytes.fromhex("0g"),
            lambda: b"a".hex(""), lambda: b"x".join([1]), lambda: b"a"[2], lambda: b"a".startswith("a"),
            lambda: "a" in b"a", lambda: b"x" * 1.5, lambda: b"x".split(b""), lambda: b"x".translate(b"x"),
            lambda: bytes.maketrans(b"a", b"")]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
