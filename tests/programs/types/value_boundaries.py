# Ints and floats at the edges of what fits in one machine word: results
# must be the same whichever way an implementation stores them.
import math
import struct
import sys

edges = [2**49 - 1, 2**49, -2**49, -2**49 - 1, 2**50, 2**62, 2**63 - 1, -2**63, 2**63, -2**63 - 1]
for x in edges:
    print(x, type(x).__name__, x + 1, x - 1, x * 2, x // 3, x % 7, -x, abs(x), x >> 1, x << 1)
    print(hash(x) == hash(int(str(x))), x == int(str(x)), x.bit_length(), str(x) == repr(x))

# Crossing the boundary by arithmetic, in a loop the fast paths handle.
n = 2**49 - 5
for _ in range(10):
    n += 1
print(n, n - 2**49)
m = -2**49 + 5
for _ in range(10):
    m -= 1
print(m, m + 2**49)
acc = 1
for i in range(70):
    acc *= 2
    if i in (47, 48, 49, 50, 62, 63):
        print(i, acc, acc - 1, (acc - 1) // 2, acc.bit_length())
while acc > 1:
    acc //= 2
print(acc)

# As keys, set members, list items, sorted, compared.
d = {2**49: "a", 2**63 - 1: "b", -2**49 - 1: "c"}
print(d[2**48 * 2], d[int("9223372036854775807")], d[-(2**49) - 1])
s = {2**49, 2**49, 2**50 // 2}
print(len(s), sorted([2**63, 2**49, -2**49 - 1, 0, 2**49 - 1, -2**63]))
print(2**49 > 2**49 - 1, 2**49 == 2.0**49, 2**53 + 1 == 2.0**53 + 1, 2**49 < 1e300)
print(max(range(2**49 - 3, 2**49 + 3)), len(range(2**49, 2**49 + 10)), range(2**50)[2**49])
print([2**49 + i for i in range(3)], sum([2**48] * 4), divmod(2**62, 2**49 + 1))
print(int(2.0**49), int(-2.0**49 - 2), float(2**49 + 1), (2**49) ** 2, pow(2**49, 2, 2**50 + 3))
print(f"{2**49:,} {2**63 - 1:x} {-2**49:#b} {2**50:e}")
x = 2**49
y = x
print(x is y, sys.maxsize, sys.maxsize + 1, -sys.maxsize - 1, hash(-1), hash(2**61 - 1))
print(round(2**49 + 0.5), math.floor(2.0**52 + 0.5), math.isqrt(2**62), math.gcd(2**50, 2**49 * 3))
print((2**49).to_bytes(8, "little"), int.from_bytes(b"\xff" * 7, "big"), (2**63 - 1).__index__())
print(bool(2**49), bool(-2**49 - 1), ~(2**49), (2**49) & (2**49 + 1), (2**49) | 1, (2**49) ^ 3)
class MyInt(int):
    pass
mi = MyInt(2**49)
print(type(mi).__name__, mi + 1, type(mi + 1).__name__, mi == 2**49, hash(mi) == hash(2**49))

# Floats, negative NaNs included (x86's default NaN from inf - inf is negative).
inf = float("inf")
nan = inf - inf
neg = -float("nan")
for f in (nan, neg, -nan, float("-nan"), math.nan, -math.nan):
    print(repr(f), math.copysign(1.0, f), f == f, f != f, math.isnan(f), struct.pack(">d", f)[:1].hex())
print(neg is neg, [neg][0] is neg, {neg: 1}[neg], neg in [neg], nan in (nan,))
print(float("nan") is float("nan"), math.copysign(1.0, -0.0), repr(-0.0), 1 / inf, -1 / inf)
print(struct.unpack(">d", b"\xff\xf8\x00\x00\x00\x00\x00\x01")[0], struct.unpack(">d", b"\x7f\xf0\x00\x00\x00\x00\x00\x01")[0])
print(math.copysign(1.0, struct.unpack(">d", b"\xff\xff\xff\xff\xff\xff\xff\xff")[0]))
print(float.hex(2.0**49), float.fromhex("-0x1.8p+49"), 1e308 * 10, -1e308 * 10, 5e-324, -5e-324)
vals = [0.0, -0.0, 1.5, -2.5, inf, -inf, 1e-310, 2.0**60, -2.0**60]
print(sorted(vals), sum(vals[:4]), [type(v).__name__ for v in vals[:3]])
print(sys.float_info.max, -sys.float_info.max, sys.float_info.min)
