# abs, divmod, and pow (two and three argument forms, negatives).
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(True), abs(-10 ** 30))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(10 ** 20, 3))
print(pow(2, 10), pow(2, -2), pow(-2, 3), pow(2.0, 0.5), pow(-8, 1 / 3) == (-8) ** (1 / 3))
print(pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 11), pow(5, 0, 1))
print(pow(2, 3, -5))
try:
    pow(2, 3.0, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
print(pow(0, 0), 0.0 ** 0, pow(-1, 0.5))
print(abs(complex(3, 4)))
