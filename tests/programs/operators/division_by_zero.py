# Division and modulo by zero messages for ints, floats and divmod.
cases = [
    ("1 / 0", lambda: 1 / 0),
    ("1 // 0", lambda: 1 // 0),
    ("1 % 0", lambda: 1 % 0),
    ("1.0 / 0", lambda: 1.0 / 0),
    ("1.0 // 0.0", lambda: 1.0 // 0.0),
    ("1.0 % 0.0", lambda: 1.0 % 0.0),
    ("divmod(1, 0)", lambda: divmod(1, 0)),
    ("divmod(1.0, 0)", lambda: divmod(1.0, 0)),
    ("0 ** -1", lambda: 0 ** -1),
    ("0.0 ** -1", lambda: 0.0 ** -1),
    ("pow(2, -1, 4)", lambda: pow(2, -1, 4)),
    ("10**100 / 0", lambda: 10 ** 100 / 0),
    ("True / False", lambda: True / False),
]
for label, fn in cases:
    try:
        print(label, "=", fn())
    except (ZeroDivisionError, ValueError) as e:
        print(label, "->", type(e).__name__, e)
print(issubclass(ZeroDivisionError, ArithmeticError))
print(pow(3, -1, 7))
