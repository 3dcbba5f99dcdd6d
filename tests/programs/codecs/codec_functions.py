# The per-codec functions of _codecs: (output, consumed) results and errors.
import _codecs as c
import warnings

print(c.utf_8_encode("aé€😀"), c.utf_8_encode("a\udc80b", "surrogateescape"))
print(c.utf_8_decode(b"a\xc3\xa9\xe2\x82"))
print(c.utf_8_decode(b"a\xc3\xa9\xe2\x82", "strict", False))
print(c.utf_8_decode(b"a\xff", "replace"), c.utf_8_decode(b"a\xff", "ignore", True))
try:
    c.utf_8_decode(b"a\xe2\x82", "strict", True)
except UnicodeDecodeError as e:
    print(e)
print(c.ascii_encode("abc"), c.ascii_decode(b"abc"), c.ascii_encode("aé", "replace"))
print(c.latin_1_encode("aé"), c.latin_1_decode(b"a\xe9"), c.latin_1_encode("a€", "xmlcharrefreplace"))
print(c.utf_16_encode("aé"), c.utf_16_encode("aé", None, -1), c.utf_16_encode("aé", None, 1))
print(c.utf_16_le_encode("a😀"), c.utf_16_be_encode("a😀"))
print(c.utf_16_decode(b"\xff\xfea\x00b"), c.utf_16_decode(b"\xff\xfea\x00b", None, False))
print(c.utf_16_le_decode(b"a\x00=\xd8"), c.utf_16_be_decode(b"\x00a\xd8="))
print(c.utf_16_ex_decode(b"\xfe\xff\x00a"), c.utf_16_ex_decode(b"\xff\xfea\x00"), c.utf_16_ex_decode(b"a\x00"))
print(c.utf_16_ex_decode(b"\xff", "strict", 0, False), c.utf_16_ex_decode(b"\x00a", "strict", 1, True))
print(c.utf_32_encode("a"), c.utf_32_le_encode("a"), c.utf_32_be_encode("a"))
print(c.utf_32_decode(b"\xff\xfe\x00\x00a\x00\x00\x00b\x00"), c.utf_32_le_decode(b"a\x00\x00\x00"), c.utf_32_be_decode(b"\x00\x00\x00a"))
print(c.utf_32_ex_decode(b"\x00\x00\xfe\xff\x00\x00\x00a"))
for f, data in [(c.utf_16_le_decode, b"a"), (c.utf_32_le_decode, b"a\x00"), (c.utf_32_le_decode, b"\x00\x00\x11\x00")]:
    try:
        f(data, "strict", True)
    except UnicodeDecodeError as e:
        print(e)
print(c.readbuffer_encode(b"ab"), c.readbuffer_encode("é"), c.readbuffer_encode(bytearray(b"x")))
print(c.escape_encode(b"a'\"\\\n\t\r\x00\xff"))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(c.escape_decode(b"a\\n\\x41\\101\\\\\\'\\q\\\nz"), c.escape_decode("\\x41"))
    print(c.escape_decode(b"\\777\\q"), c.unicode_escape_decode(b"\\777\\q"))
    print(c.unicode_escape_decode(b"a\\n\\t\\x41\\u00e9\\U0001F600\\N{BULLET}\\101\\q\xe9"))
for w in caught:
    print(w.category.__name__, w.message)
for errors in ["strict", "ignore", "replace", "bogus"]:
    try:
        print(c.escape_decode(b"ab\\x4zz", errors))
    except ValueError as e:
        print("ValueError:", e)
try:
    c.escape_decode(b"abc\\")
except ValueError as e:
    print("ValueError:", e)
print(c.unicode_escape_encode("a'\"\\\n\t\x00\xff\u1234\U00012345\x7f"))
print(c.unicode_escape_decode(b"ab\\u00", "strict", False), c.unicode_escape_decode(b"ab\\", "strict", False))
for data in [b"\\x4", b"\\u12", b"\\U1234", b"\\U00110000", b"\\N{NOT A NAME}", b"\\N", b"\\N{", b"x\\"]:
    try:
        c.unicode_escape_decode(data)
    except UnicodeDecodeError as e:
        print(e)
print(c.unicode_escape_decode(b"a\\x4zb", "replace"), c.unicode_escape_decode(b"a\\x4zb", "backslashreplace"))
print(c.raw_unicode_escape_encode("a\\\xff\u1234\U00012345"))
print(c.raw_unicode_escape_decode(b"a\\u00e9\\\\u1234\\n\\U0001F600\xff"), c.raw_unicode_escape_decode(b"a\\u00", "strict", False))
try:
    c.raw_unicode_escape_decode(b"\\u12x")
except UnicodeDecodeError as e:
    print(e)
for f, args in [(c.utf_8_encode, (b"x",)), (c.utf_8_decode, ("x",)), (c.utf_8_decode, (b"x", 5)),
                (c.escape_encode, ("x",)), (c.charmap_build, (5,)), (c.latin_1_encode, (1,))]:
    try:
        f(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    c.utf_7_encode("a")
except NotImplementedError as e:
    print("utf-7 not there")
