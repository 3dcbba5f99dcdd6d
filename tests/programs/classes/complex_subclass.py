# Subclasses of complex: instances carry the complex value; complex
# operations accept them and return plain complex numbers; overrides win.
import copy
import warnings

warnings.simplefilter("always")
warnings.showwarning = lambda m, c, f, l, *a: print("warning:", c.__name__, m)


class C(complex):
    pass


a = C(1, 2)
print(a, repr(a), type(a).__name__, isinstance(a, complex), a.real, a.imag, type(a.real).__name__)
for r in [a + 1, 1 + a, a * a, a - 1j, 1 - a, a / 2, a**2, 2**a, -a, +a, abs(C(3, 4)), a.conjugate()]:
    print(r, type(r).__name__)
print(complex.__add__(a, 1), hash(a) == hash(1 + 2j), {a: 1}[1 + 2j], a == 1 + 2j, a != 1, C(3) == 3)
print(C(1.5) == 1.5, 1.5 == C(1.5), pow(C(2), 2), C(1, 2) == C(1, 2), a is C(1, 2))
x = complex(a)
print(x, type(x).__name__, x is a)
print(C("1+2j"), C(), C(1), C(1.5, -2), C(real=1, imag=2), C(C(1, 1)))
print(complex.__new__(C, 1, 2), type(complex.__new__(C, 1, 2)).__name__)
print(format(a, ".2f"), f"{a}", bool(C(0)), bool(a), a.__getnewargs__())
print(C.from_number(3), type(C.from_number(3)).__name__)
print(copy.copy(a), type(copy.copy(a)).__name__, type(C(1)).__name__)
for bad in [("x",), (1, 2, 3), ([],), ("1", 2)]:
    try:
        C(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class G(complex):
    def __repr__(self):
        return "G" + super().__repr__()

    def __add__(self, o):
        return "add"

    def __radd__(self, o):
        return "radd"


g = G(1, 1)
print(repr(g), str(g), g + 1, 1 + g, super(G, g).__add__(1))


class N(complex):
    def __new__(cls, re, im, tag):
        o = super().__new__(cls, re, im)
        o.tag = tag
        return o


n = N(1, 2, "t")
print(n, n.tag, type(n).__name__, n.__dict__)


class S(complex):
    __slots__ = ("k",)


s = S(1)
s.k = 2
print(s, s.k)


class H(complex):
    def __complex__(self):
        return 5j


class HC(complex):
    def __complex__(self):
        return C(5j)


class K:
    def __complex__(self):
        return C(6j)


class FF(float):
    def __float__(self):
        return 7.0


print(complex(H(1)), complex(HC(1)), type(complex(HC(1))).__name__, complex(K()))
print(complex(FF(1)), complex(FF(1), 1), complex(1, FF(1)))
print(complex(C(1, 2), 1), complex(1, 2j))
print(C(1, 2) + "x")
