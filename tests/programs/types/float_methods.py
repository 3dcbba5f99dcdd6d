# float methods: is_integer, as_integer_ratio, hex, fromhex, and special values.
for f in (1.0, 1.5, -0.0, 0.1, 1e300, 2.0 ** -1074):
    print(repr(f), f.is_integer(), f.as_integer_ratio(), f.hex())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("inf"))
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float("nan").as_integer_ratio()
except ValueError as e:
    print(type(e).__name__, e)
print((3.7).__trunc__(), (3.7).__floor__(), (3.2).__ceil__(), (2.5).__round__())
print((1.5).real, (1.5).imag, (1.5).conjugate())
import math
print(math.trunc(-3.7), math.floor(-3.2), math.ceil(-3.7))
print(float("nan") != float("nan"), math.isnan(float("nan")), math.isinf(-1e400))
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
