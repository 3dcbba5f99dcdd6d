# bytes: indexing gives ints, slicing gives bytes, methods, repr, hex.
b = b"Hello\x00\xff"
print(b[0], b[-1], b[1:3], b[::-1], type(b[0]).__name__, list(b[:3]))
print(repr(b), b.hex(), b.hex(":"), b.hex(" ", 2), len(b))
print(b"abc".upper(), b"a,b".split(b","), b" x ".strip(), b"ab" * 2, b"a" + b"b", b"ab".replace(b"a", b"z"))
print(b"abc".decode(), b"abc" == "abc", b"a" in b"abc", 97 in b"abc", b"abc".find(b"c"))
print(b"%d-%s" % (5, b"x"), bytes([1, 2]) + bytearray(b"3"), b"x".join([b"1", b"2"]))
print(b"abc" < b"abd", b"\x00".isalnum(), b"123".isdigit(), b"AbC".lower())
try:
    b"abc"[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"abc"[5]
except IndexError as e:
    print(type(e).__name__, e)
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\r\\"))
