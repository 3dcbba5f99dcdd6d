# Exact float operations: round(), comparisons with ints, int true division,
# as_integer_ratio, hex/fromhex, NaN identity, float() parsing.
for x, n in ((2.675, 2), (0.125, 2), (0.375, 2), (123.456, -1), (-123.456, 1), (5e-324, 323),
             (1e300, -300), (0.5, 400), (2.5, 0), (-0.4, 0), (1e22, 2), (1.5, None), (2.5, None)):
    print(x, n, repr(round(x, n)))
for n in (-1, -2, 0, 3):
    print(round(15, n), round(25, n), round(-35, n), round(123456789, n))
for f in (lambda: round(float("inf")), lambda: round(float("nan")), lambda: round(1.7976931348623157e308, -308),
          lambda: round(float("nan"), 2), lambda: round(float("inf"), -2)):
    try:
        print(repr(f()))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
big = 2 ** 53 + 1
print(big == float(big), big > float(big), float(big) < big, 2 ** 53 == 2.0 ** 53)
print(10 ** 400 > float("inf"), -(10 ** 400) < float("-inf"), 10 ** 400 > 1e308, float("nan") == 10 ** 400)
print(1 < 1.5 < 2, 2 ** 64 == 2.0 ** 64, 2 ** 64 + 1 == 2.0 ** 64, 0.1 == 0.1 + 0j)
print(1 / 3, 2 ** 60 / 3, (2 ** 64 + 1) / 2, 10 ** 30 / 10 ** 10, -(10 ** 400) / 10 ** 399, 3 / 2 ** 10000)
print(9007199254740993 / 1, 9007199254740995 / 1, 2 ** 1074 // 2 ** 1000, 1 / 2 ** 1074)
try:
    2 ** 10000 / 3
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float(2 ** 1024)
except OverflowError as e:
    print(type(e).__name__, e)
for v in (1.0, 1.5, -0.0, 0.1, 1e300, 2.0 ** -1074, -2.5, 1e-310):
    print(repr(v), v.is_integer(), v.as_integer_ratio(), v.hex(), float.fromhex(v.hex()) == v)
for text in ("0x1.8p1", "-0x1p-2", "inf", " 0X1.8P+1 ", "1", "-0x.8", "0x1.fffffffffffff7p1023",
             "0x0.00000000000008p-1022", "0x1.p0", "Infinity"):
    print(repr(text), float.fromhex(text))
for text in ("x", "0x1p99999", "0x.p0", "0x1_0p0"):
    try:
        print(float.fromhex(text))
    except (ValueError, OverflowError) as e:
        print(repr(text), type(e).__name__, e)
a = float("nan")
b = float("nan")
print(a is a, a is b, a == a, [a] == [a], a in [a], b in [a], {a: 1}.get(a), len({a, b}))
print(float(" 1_000.5 "), float("1e1_0"), float("-Infinity"), float("+nan"), float(b"2.5"), float("\u0663.5"))
for text in ("1._5", "1__0", "_1", "1e", "0x10", "infinityx", "1.5.2", ""):
    try:
        float(text)
    except ValueError as e:
        print(type(e).__name__, e)
print((3.7).__trunc__(), (3.7).__floor__(), (3.2).__ceil__(), (2.5).__round__(), (-2.5).__floor__())
print((1.5).real, (1.5).imag, (1.5).conjugate(), int(1e20), int(-1e300) == -int(1e300), int(2.0 ** 80))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(1e300, 1e-300)[1], divmod(-0.0, 1.0))
print(7.5 // 0.5, -7.5 % 2, 7 % -2.5, 0.0 % -1.0, (-0.0) // 1.0, 2.0 ** -1, (-2.0) ** 2, 0.0 ** 0.0)
for f in (lambda: 1.0 // 0, lambda: 1.0 % 0.0, lambda: divmod(1.0, 0), lambda: 0.0 ** -1, lambda: 1e308 ** 2, lambda: 10.0 ** 400):
    try:
        print(f())
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
