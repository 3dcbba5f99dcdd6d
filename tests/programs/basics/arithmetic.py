# Integer and float arithmetic, printed with print() and repr().
print(1 + 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 100)
print(0.1 + 0.2, 1 / 3, 1e16, 1e-5, 2.5e-7, float("inf"))
print(divmod(17, 5), abs(-3), round(2.675, 2))
