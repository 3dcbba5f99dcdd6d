# Arbitrary-precision integers.
a = 2 ** 200
print(a)
print(a * a)
print(a // 3, a % 1000007)
print(-a // 7, -a % 7)
print(len(str(3 ** 1000)))
print(int("9" * 50) + 1)
print((10 ** 30 + 1) * (10 ** 30 - 1))
print(2 ** 64 - 1, hex(2 ** 64 - 1), bin(2 ** 70)[:10])
print(pow(3, 10 ** 20, 10 ** 9 + 7))
print((-2) ** 101)
print(1 << 100, (1 << 100) >> 99)
print(abs(-10 ** 25), -(10 ** 25))
print(10 ** 25 == 10.0 ** 25, 10 ** 23 == 1e23)
print(float(2 ** 100), int(1e20))
print(divmod(10 ** 30, 7 ** 20))
x = 1
for i in range(1, 40):
    x *= i
print(x, x.bit_length())
