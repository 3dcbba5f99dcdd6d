# float() from strings and numbers, special values and errors.
print(float("1.5"), float("  -2e3 "), float("1_000.5"), float(7), float(True), float())
print(float("inf"), float("-Infinity"), float("nan"), float("+1E-3"), float(".5"), float("5."))
print(float(10 ** 20), float(2 ** 1023))
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 4
print(float(F()), float(I()))
for bad in ("x", "", "1.5.2", "1e", "0x10", "nan!"):
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float(2 ** 1024)
except OverflowError as e:
    print(type(e).__name__, e)
for bad in (None, [1.0]):
    try:
        float(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(float.fromhex("0x1.8p1"), (0.1).hex())
