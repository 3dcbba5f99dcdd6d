# complex() and complex arithmetic.
z = complex(3, 4)
print(z, z.real, z.imag, abs(z), z.conjugate())
print(complex("1+2j"), complex(2), complex(), 1j * 1j, (1 + 2j) * (3 - 1j))
print((1 + 2j) / (1 - 1j), (2j) ** 2, -(1 + 1j))
print(1 + 2j == complex(1, 2), 1j == 1j + 0, complex(1, 0) == 1)
try:
    (1 + 1j) < (2 + 2j)
except TypeError as e:
    print(type(e).__name__, e)
try:
    complex("1+")
except ValueError as e:
    print(type(e).__name__, e)
try:
    1j / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(repr(complex(0, -0.0)), repr(complex(-1.5, 2.25)))
