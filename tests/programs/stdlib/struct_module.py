# The native _struct module under struct: every format code in several
# byte orders, native alignment, Struct objects, iter_unpack, pack_into and
# unpack_from with offsets, and CPython's error messages.
import struct


def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)


print(struct.error.__mro__, struct.error.__module__)
print(struct.Struct.__module__, struct.Struct.__name__)

# Every integer code in every byte order: round trips and the limits.
for order in "@=<>!":
    for code in "bBhHiIlLqQ":
        fmt = order + code
        size = struct.calcsize(fmt)
        bits = 8 * size
        low, high = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if code.islower() else (0, (1 << bits) - 1)
        for value in (low, high, 0, 1, -1, 100):
            if low <= value <= high:
                packed = struct.pack(fmt, value)
                assert struct.unpack(fmt, packed) == (value,)
                print(fmt, value, packed)
        attempt(struct.pack, fmt, high + 1)
        attempt(struct.pack, fmt, low - 1)
        attempt(struct.pack, fmt, 10**30)
        attempt(struct.pack, fmt, 1.5)
        attempt(struct.pack, fmt, "7")

# Native-only codes.
for code in "nNP":
    print(code, struct.calcsize(code), struct.pack(code, 5), struct.unpack(code, struct.pack(code, 5)))
    attempt(struct.calcsize, "<" + code)
attempt(struct.pack, "n", -1)
attempt(struct.pack, "N", -1)
attempt(struct.pack, "P", -1)
attempt(struct.pack, "P", 2**64)
attempt(struct.unpack, "nN", b"\xff" * 16)

# Characters, bools, pad bytes, strings.
for order in "@<>":
    print(struct.pack(order + "c?x?3s", b"z", [], 7, b"abcdef"))
    print(struct.unpack(order + "c?x?3s", b"z\x00\x00\x02abc"))
print(struct.unpack("<?????", b"\x00\x01\x02\xff\x00"))
attempt(struct.pack, "c", b"ab")
attempt(struct.pack, "c", "a")
attempt(struct.pack, "c", bytearray(b"a"))
print(struct.pack("5s", b"ab"), struct.pack("2s", b"abcd"), struct.pack("0s", b"x"))
print(struct.pack("5p", b"ab"), struct.pack("2p", b"abcd"), struct.pack("0p", b"abcd"), struct.pack("p", b"abcd"))
print(struct.pack("s", bytearray(b"x")))
print(struct.pack("300p", b"a" * 400)[:3], struct.unpack("300p", b"\xff" + b"a" * 299)[0][-3:])
print(struct.unpack("3p", b"\x09ab"), struct.unpack("2p", b"\x00y"), struct.unpack(">3s2p", b"abc\x05y"))
attempt(struct.pack, "s", 1)
attempt(struct.pack, "p", "x")
print(struct.pack("x3x"), struct.unpack("3x", b"abc"))

# Floats: half, single, double, complex.
for order in "@<>":
    for code in "efdFD":
        fmt = order + code
        for value in (0.0, -0.0, 1.5, -2.25, 1e-5, float("inf"), float("-inf")):
            if code in "FD":
                value = complex(value, 0.5)
            packed = struct.pack(fmt, value)
            print(fmt, value, packed, struct.unpack(fmt, packed))
        print(fmt, struct.unpack(fmt, struct.pack(fmt, float("nan"))))
for value in (65504.0, 65519.99, 5.96e-8, 2.98e-8,
              1 + 2**-11, 1 + 3 * 2**-11, 0.1, 1/3, 2**-24, 2**-14, 6e-5):
    packed = struct.pack("<e", value)
    print("e", value, packed, struct.unpack("<e", packed))
print(struct.pack("<e", 2**-25), struct.pack("<e", 2**-25 * (1 + 2**-52)), struct.pack("<e", 3 * 2**-25))
print(struct.pack("<e", float("nan")), struct.pack("<e", -float("nan")), struct.pack("<f", float("nan")))
print(struct.unpack("<e", b"\x00\x7c"), struct.unpack("<e", b"\x01\x7c"), struct.unpack("<e", b"\x00\xfc"))
print(struct.unpack("<e", b"\x01\x00"), struct.unpack("<e", b"\xff\x7b"), struct.unpack("<e", b"\xff\x03"))
attempt(struct.pack, "<e", 65520.0)
attempt(struct.pack, "e", 1e10)
attempt(struct.pack, "f", 1e40)
attempt(struct.pack, "<f", 3.4028235677973366e+38)
print(struct.pack("<f", 3.4028235677973362e+38), struct.pack("<f", 0.1), struct.unpack("<f", struct.pack("<f", 0.1)))
print(struct.pack("<F", 1e300))
attempt(struct.pack, "d", "x")
attempt(struct.pack, "f", None)
attempt(struct.pack, "e", "x")
attempt(struct.pack, "d", 10**400)
attempt(struct.pack, "F", "x")
print(struct.pack("<d", 3), struct.pack("<D", 3), struct.pack("<F", 2.5))


class Index:
    def __index__(self):
        return 7


class Floaty:
    def __float__(self):
        return 2.5


class BadFloat:
    def __float__(self):
        raise ValueError("no float")


class BadIndex:
    def __index__(self):
        raise ValueError("no index")


class BigIndex:
    def __index__(self):
        return 2**100


class BadBool:
    def __bool__(self):
        raise ValueError("no truth")


print(struct.pack("<i", Index()), struct.pack("<d", Index()), struct.pack("<d", Floaty()), struct.pack("<i", True))
attempt(struct.pack, "i", Floaty())
attempt(struct.pack, "d", BadFloat())
attempt(struct.pack, "i", BadIndex())
attempt(struct.pack, "<i", BigIndex())
attempt(struct.pack, "Q", BigIndex())
attempt(struct.pack, "?", BadBool())

# Native alignment and sizes.
for fmt in ["@bi", "@hq", "@ib", "=bi", "<bi", "@b?eP", "@c3sd", "@bxxxi", "@b0i", "@?n", "@bf", "@be",
            "@b2p", "@bF", "@bD", "@hhi", "@iq", "@qi", "", "@", "i i", "3i", " 2h", "\t<i"[1:]]:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack("@bi", 1, 2), struct.pack("@b0i", 1), struct.pack("@hq", -1, -2))
print(struct.unpack("@bi", struct.pack("@bi", -1, -2)))
print(struct.pack("!H", 258), struct.pack("=H", 258), struct.pack("<H", 258), struct.pack(">H", 258))
print(struct.pack("<3c", b"a", b"b", b"c"), struct.unpack("<3c", b"abc"))
print(struct.pack("i i", 1, 2), struct.pack(b"<h", 3))
print(struct.calcsize("@i1000000000000000000x"), struct.calcsize("@1000000000000000000xi"))
print(struct.calcsize("@9223372036854775807x"), struct.calcsize("@4611686018427387903h"))

# Bad formats.
for fmt in ["z", "3", "<3", "3 ", "3 i", " < i", "i<", "<n", "\0", "i\0", "99999999999999999999i",
            "9223372036854775808x", "@9223372036854775807xb", "@9223372036854775806xh",
            "@4611686018427387904h", b"\xe9", "\xe9", "i\ud800"]:
    attempt(struct.calcsize, fmt)
attempt(struct.Struct, 5)
attempt(struct.Struct, bytearray(b"i"))
attempt(struct.pack, 1)
attempt(struct.pack)
attempt(struct.calcsize, bytearray(b"<q"))
attempt(struct.calcsize, b"i\xe9")
attempt(struct.Struct, b"i\xe9")
print(struct.calcsize(b"<q"), struct.calcsize("<q"), struct.pack(b"<h", 1))

# Argument counts.
attempt(struct.pack, "i")
attempt(struct.pack, "ii", 1)
attempt(struct.pack, "i", 1, 2)
attempt(struct.pack, "3s", b"a", b"b")
attempt(struct.pack, "")
attempt(struct.unpack, "", b"")

# unpack, unpack_from and their buffers.
attempt(struct.unpack, "i", b"abc")
attempt(struct.unpack, "i", "abcd")
attempt(struct.unpack, "i", 5)
print(struct.unpack("<i", bytearray(b"1234")), struct.unpack("<i", memoryview(b"1234")))
print(struct.unpack("<h", memoryview(b"xx12yy")[2:4]))
attempt(struct.unpack, "i", memoryview(b"12345678")[::2])
print(struct.unpack_from("<h", b"abcdef"), struct.unpack_from("<h", b"abcdef", 4))
print(struct.unpack_from("<h", b"abcdef", offset=1), struct.unpack_from("<h", buffer=b"ab"))
print(struct.unpack_from("<h", b"abcdef", -2), struct.unpack_from("<h", b"abcdef", -6))
print(struct.unpack_from("", b"", 0), struct.unpack_from("<h", b"abcdefghij", Index()))
attempt(struct.unpack_from, "i", b"abc")
attempt(struct.unpack_from, "i", b"abcdef", 3)
attempt(struct.unpack_from, "i", b"abcdef", 7)
attempt(struct.unpack_from, "i", b"abcdef", -2)
attempt(struct.unpack_from, "i", b"abcdef", -7)
attempt(struct.unpack_from, "", b"", -1)
attempt(struct.unpack_from, "", b"", 1)
attempt(struct.unpack_from, "i", b"1234", 1.0)
attempt(struct.unpack_from, "i", b"1234", 2**70)
attempt(struct.unpack_from, "i", b"1234", -2**70)

# pack_into.
buf = bytearray(12)
struct.pack_into("<hi", buf, 1, 1, 2)
print(buf)
struct.pack_into("<h", buf, -2, -1)
print(buf)
struct.pack_into("<h", buf, -12, 0x4142)
print(buf)
view = memoryview(buf)
struct.pack_into("<h", view, 4, 0x4344)
struct.pack_into("<h", view[6:10], 1, 0x4546)
print(buf)
attempt(struct.pack_into, "<2h", buf, 0, 7, 70000)
print(buf)
attempt(struct.pack_into, "i", bytearray(5), 2, 1)
attempt(struct.pack_into, "i", bytearray(5), 6, 1)
attempt(struct.pack_into, "i", bytearray(5), -2, 1)
attempt(struct.pack_into, "i", bytearray(5), -7, 1)
attempt(struct.pack_into, "h", bytearray(3), -1, 1)
attempt(struct.pack_into, "", bytearray(), 1)
attempt(struct.pack_into, "", bytearray(), -1)
attempt(struct.pack_into, "i", b"12345", 0, 1)
attempt(struct.pack_into, "i", memoryview(b"12345"), 0, 1)
attempt(struct.pack_into, "h", view[::2], 0, 1)
attempt(struct.pack_into, "i", "abcd", 0, 1)
attempt(struct.pack_into, "i", bytearray(5), 0)
attempt(struct.pack_into, "i", bytearray(5))
attempt(struct.pack_into, "i")
attempt(struct.pack_into)
attempt(struct.pack_into, "i", bytearray(4), 1.0, 1)
attempt(struct.pack_into, "i", bytearray(4), 2**70, 1)
del view

# iter_unpack.
it = struct.iter_unpack("<hb", b"\x01\x00\x02\x03\x00\x04")
print(type(it).__name__, type(it).__module__, it.__length_hint__())
print(next(it), it.__length_hint__(), list(it), it.__length_hint__())
attempt(next, it)
print(list(struct.iter_unpack("<i", bytearray(8))), list(struct.iter_unpack("<i", b"")))
attempt(struct.iter_unpack, "i", b"abcde")
attempt(struct.iter_unpack, "", b"abcde")
attempt(struct.iter_unpack, "i", "abcd")
attempt(lambda: type(it)())

# Struct objects.
s = struct.Struct("<ih")
print(s, repr(s), s.format, s.size, struct.Struct(b">q").format, struct.Struct(" i").format)
attempt(struct.Struct, "'")
print(s.pack(1, 2), s.unpack(b"\x01\x00\x00\x00\x02\x00"), s.unpack_from(b"xx\x01\x00\x00\x00\x02\x00", 2))
print(s.unpack_from(buffer=b"\x01\x00\x00\x00\x02\x00"), list(s.iter_unpack(bytes(12))))
buf = bytearray(8)
s.pack_into(buf, 1, -1, -1)
print(buf)
attempt(s.pack, 1)
attempt(s.pack_into, buf)
attempt(s.pack_into)
attempt(s.pack_into, buf, 0, 1)
attempt(s.unpack, b"")
attempt(struct.Struct)
attempt(struct.Struct, "i", "j")
attempt(struct.Struct, format="<q")
attempt(setattr, s, "x", 1)
print(s == struct.Struct("<ih"), s == s, hash(s) == hash(s))
s.__init__(">h")
print(s, s.size, s.pack(1))
raw = struct.Struct.__new__(struct.Struct)
attempt(repr, raw)
attempt(lambda: raw.size)
attempt(raw.pack)


class Record(struct.Struct):
    def __init__(self):
        super().__init__("<2H")
        self.note = "kept"


r = Record()
print(r, r.note, r.pack(1, 2), r.unpack(b"\x01\x00\x02\x00"), isinstance(r, struct.Struct))

# The cache of compiled formats.
struct._clearcache()
for i in range(250):
    struct.calcsize(f"{i}b")
print(struct.calcsize("5b"), struct.pack("<h", 9))
struct._clearcache()

# pickle rides on struct (protocols up to 3; 4 and 5 frame through BytesIO.getbuffer).
import pickle

values = [0, 1, -1, 255, 256, 65536, 2**31, -2**31 - 1, 2**63, 2**100, -2**200, 1.5, -0.0,
          float("inf"), "abc", "é\u1234", (1, 2), [1, [2, 3]], {"a": 1, 2: (3,)}, {1, 2},
          frozenset({3}), None, True, 3 + 4j, ((), [], {})]
for proto in range(4):
    for value in values:
        back = pickle.loads(pickle.dumps(value, protocol=proto))
        assert back == value and type(back) is type(value), (proto, value, back)
    print("pickle protocol", proto, "ok")
print(pickle.loads(pickle.dumps(b"\x00bytes", protocol=3)))
print(pickle.loads(pickle.dumps(bytearray(b"xy"), protocol=3)))

struct.pack("<h", 40000)
