# Mixed int/float/bool arithmetic: result types and values.
vals = [True, 3, 2.5]
for a in vals:
    for b in vals:
        r = a + b
        print(repr(a), "+", repr(b), "=", repr(r), type(r).__name__)
print(True + True, True * 10, False - 1, type(True & True).__name__, type(True + 0).__name__)
print(7 / 2, 7 // 2, -7 // 2, 7 % -2, -7 % 2, 7.5 // 2, -7.5 % 2)
print(2 ** 10, 2 ** -1, (-8) ** (1 / 3) if False else "skip", 2.0 ** 3)
print(10 / 5, type(10 / 5).__name__)
print(1e16 + 1 == 1e16, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3)
print(int(True), float(False), bool(0.0), bool(-0.0), bool(1e-300))
print(True | 2, True ^ True, 5 & 3, 5 | 3, 5 ^ 3, 1 << 10, 1024 >> 3, -1 >> 5)
