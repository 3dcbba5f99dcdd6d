# int(): bases, prefixes, underscores, Unicode digits, limits; int methods.
for text, base in (("0x_ff", 16), ("0b101", 0), ("00", 0), ("0_0", 0), ("  -1_000 ", 10), ("z", 36),
                   ("\u0663\u0664", 0), ("\uff11\uff12", 10), ("0o17", 8), ("+7", 10)):
    print(repr(text), base, int(text, base))
for text, base in (("0_7", 0), ("0x", 16), ("1__0", 10), ("0b2", 0), ("1_", 10), ("_1", 10), ("12", 2),
                   ("1\x00", 10), ("x" * 300, 10), ("0x10", 10)):
    try:
        int(text, base)
    except ValueError as e:
        print(type(e).__name__, e)
print(int(b" 42 "), int(b"ff", 16), int(True), int(-2.9), int(1e20), int("9" * 30))
for f in (lambda: int(base=10), lambda: int("12", base=None), lambda: int("12", 1.5), lambda: int(5, 10),
          lambda: int(b"1x"), lambda: int([1]), lambda: int(1j)):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class BadInt:
    def __int__(self):
        return "x"
class BadIndex:
    def __index__(self):
        return 1.5
for obj in (BadInt(), BadIndex()):
    try:
        int(obj)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    int("1" * 5000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    str(10 ** 5000)
except ValueError as e:
    print(type(e).__name__, e)
print(len(hex(10 ** 5000)), int("1" * 5000, 16) > 0, len(str(10 ** 4299)))
for n in (0, 1, -1, 255, -256, 2 ** 100, -(2 ** 100) + 1):
    print(n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.is_integer(), n.conjugate(), n.real, n.imag)
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1).to_bytes(), (-129).to_bytes(2, signed=True))
print(int.from_bytes(b"\xff\x00", "little", signed=True), int.from_bytes([1, 0]), int.from_bytes(b"", "big"))
print((2 ** 64).to_bytes(9, "big"), int.from_bytes(b"\x80" + b"\x00" * 8, signed=True))
for f in (lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(-1, "big"),
          lambda: (1).to_bytes(1, "middle"), lambda: int.from_bytes("ab"), lambda: int.from_bytes([256]),
          lambda: (128).to_bytes(1, signed=True)):
    try:
        print(f())
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print((7).__round__(-1), (15).__round__(-1), (25).__round__(-1), (5).__trunc__(), (5).__floor__(), (5).__float__())
print(True.real, True.numerator, True.denominator, True.as_integer_ratio(), (6).numerator, (6).denominator)
print(pow(3, -1, 7), pow(-3, 3, 7), pow(2, 10, -7), pow(5, 0, 1), pow(38, -1, 97) * 38 % 97)
for args in ((2, -1, 4), (3, 2, 0), (2.0, 2, 3), (2, 2, 3.0)):
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(1 << 100 >> 99, -1 >> 1000, (2 ** 100) >> 2 ** 70, 0 << 2 ** 70, 7 // -2, -7 % 3, 2 ** -2)
for f in (lambda: 1 << 2 ** 70, lambda: 1 << -1, lambda: 1 >> -1, lambda: 0 ** -1, lambda: 1 // 0, lambda: 5 % 0):
    try:
        print(f())
    except (OverflowError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
