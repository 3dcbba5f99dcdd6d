# complex: construction, parsing, arithmetic (3.14 mixed-mode rules), reprs, errors.
inf = float("inf")
nan = float("nan")
print(complex(), complex(2), complex(1.5, -2), complex("3-4j"), complex(" ( -j ) "))
print(complex(real=1, imag=2), complex(imag=3), complex(0, -0.0), complex(-0.0, 0.0))
for text in ("1e3j", "j", "+1.5", "-inf", "nanj", "1_0+2_0j", "1.j", ".5-.5J", "\u0661+\u0662j"):
    print(repr(text), complex(text))
for bad in ("1+2", "", "1 + 2j", "1j+2", "jj", "1+2jx", "(1+2j", "1__0"):
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
for args in ((None,), ([],), ("1", 2), (1, "2"), (b"1",)):
    try:
        complex(*args)
    except TypeError as e:
        print(type(e).__name__, e)
z = 3 + 4j
print(z.real, z.imag, abs(z), z.conjugate(), -z, +z, z == 3 + 4j, z != 3)
print(z + 1, 1 + z, z - 1, 1 - z, z * 2, 2 * z, z / 2, 2 / z, z * z, z / z)
print((1 + 2j) ** 2, (1 + 2j) ** -1, (1 + 2j) ** 0.5, 2 ** (1j), (2 + 0j) ** 3, 1j ** 1j)
print(complex(inf, 0) * 2.0, complex(inf, 0) * complex(2, 0), complex(inf, nan) * 1j)
print(complex(0, -0.0) + 0.0, complex(-0.0, -0.0) + 0, 0 - 1j, -(0j))
print((-8) ** (1 / 3), (-8.0) ** 0.5, (-1) ** 0.5)
print(complex(1, 0) == 1, complex(2 ** 53 + 1, 0) == 2 ** 53 + 1, 1j == 1j + 0, 1.5 + 0j == 1.5)
print(hash(1 + 0j) == hash(1), hash(1j), hash(2.5 + 0j) == hash(2.5))
print(bool(0j), bool(1j), bool(complex(0, -0.0)))
print(repr(complex(nan, inf)), repr(complex(-inf, -0.0)), repr(1e300j * 1e300), repr(1e-320j))
print(str(1 + 2j), format(1 + 2j), format(1 + 2j, ".2f"), format(1 + 2j, ">12"), format(3j, "g"))
print(format(-3j, "+.1f"), format(1.5 + 2j, "^20.3e"), format(1j, ".3g"), format(1 + 2j, ".2"))
for spec in ("d", "%", "=10", "010"):
    try:
        format(1 + 2j, spec)
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
for f in (lambda: 1j / 0, lambda: 1 / 0j, lambda: 0j ** -1, lambda: 0j ** 1j, lambda: (1e200 + 1e200j) ** 2,
          lambda: 1j < 1j, lambda: 1j % 1, lambda: 1j // 1, lambda: divmod(1j, 1), lambda: pow(1j, 2, 3),
          lambda: int(1j), lambda: float(1j), lambda: round(1j), lambda: abs(complex(1e308, 1e308))):
    try:
        print(f())
    except (ZeroDivisionError, OverflowError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
class C:
    def __complex__(self):
        return 2 + 3j
class R:
    def __float__(self):
        return 1.25
class I:
    def __index__(self):
        return 7
print(complex(C()), complex(R()), complex(I()), complex(R(), I()))
print(type(1j).__name__, isinstance(1j, complex), (1 + 2j).__getnewargs__(), sum([1j, 2, 0.5]))
