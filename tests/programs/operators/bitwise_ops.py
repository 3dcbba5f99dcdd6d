# Bitwise operators on ints, negative numbers, and shift errors.
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010)
print(-5 & 0xFF, -5 | 1, -5 ^ -1, ~0, ~-6)
print(1 << 0, 1 << 63, (1 << 63) >> 62, -16 >> 2, -1 >> 100)
print(bin(-10), bin(10 & -10))
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -1
except ValueError as e:
    print(type(e).__name__, e)
print({1, 2, 3} & {2, 3, 4}, {1, 2} | {3}, {1, 2, 3} ^ {3, 4}, {1, 2, 3} - {2})
print(True & False, True | False, True ^ True, type(True ^ True).__name__)
x = 0b1111
x &= 0b1010
x |= 0b0001
x ^= 0b1000
x <<= 2
x >>= 1
print(x)
