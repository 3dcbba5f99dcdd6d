# int() from strings, floats, bases, and its error messages.
print(int("42"), int("  -7  "), int("+3"), int("1_000"), int(3.99), int(-3.99), int(True))
print(int("ff", 16), int("0xff", 16), int("0xff", 0), int("0b101", 0), int("0o17", 0), int("z", 36))
print(int("777", 8), int("101", base=2), int(), int("٣"))
class HasInt:
    def __int__(self): return 9
class HasIndex:
    def __index__(self): return 8
class HasTrunc:
    pass
print(int(HasInt()), int(HasIndex()))
for bad in ("x", "", "1.5", "1 2", "0x10", "__1"):
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for args in (("9", 8), ("1", 1), ("1", 37)):
    try:
        int(*args)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in (None, [1], HasTrunc()):
    try:
        int(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(5, 10)
except TypeError as e:
    print(type(e).__name__, e)
