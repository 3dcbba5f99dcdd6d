# Subclasses of float: instances carry the float's value; float operations
# accept them and return plain floats; overrides in the subclass win.
import copy
import fractions
import math
import warnings


class F(float):
    pass


class FF(F):
    pass


a = F(1.5)
print(a, repr(a), str(a), type(a).__name__, isinstance(a, float), isinstance(a, F))
print(F.__mro__, F.__base__, a.__class__)

print("-- arithmetic gives plain floats")
for r in [a + 2, 2 + a, a * a, a - 1, 1 - a, a / 2, a // 1, a % 1, a**2, 2**a, -a, +a, abs(F(-2.0))]:
    print(r, type(r).__name__)
print(float.__add__(F(1.5), 2), float.__radd__(F(1.5), 2), float.__sub__(2.0, F(0.5)))
print(F(2.0) ** F(3.0), F(7.0) % 2, 7 % F(2.0), 7 // F(2.0), divmod(F(7.0), 2), pow(F(2.0), 3))
print(F(2) ** 0.5, F(-8) ** (1 / 3), F(1e300) * F(1e300), F(-0.0))
print(type(FF(2.5) + 1).__name__, float.__divmod__(F(7.0), 2), float.__rdivmod__(F(7.0), 2))
try:
    F(1.0) / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

print("-- comparisons, hashing, dict keys")
print(a == 1.5, a < 2, a > 1, a == F(1.5), a != 1, F(3) == 3, 3 == F(3), F(2**53) == 2**53 + 1)
print(F(0.5) < 1 < F(1.5), a is F(1.5))
print(hash(a) == hash(1.5), float.__hash__(F(1.5)) == hash(1.5), {a: 1}[1.5], {1.5: 2}[a])
print(F(1.5) in {1.5}, 1.5 in {F(1.5)}, [1.5].index(F(1.5)))
print(sorted([3.0, F(1.0), 2, F(2.5), 0.5]), min([F(2.0), 1.0]), type(min([F(2.0), 3.0])).__name__)
print(max(F(1.0), 2.0), sum([F(1.5), F(2.5)]), math.fsum([F(0.1)] * 10))

print("-- NaN")
nan = F("nan")
print(nan, nan == nan, nan != nan, math.isnan(nan), {nan: 1}[nan], hash(nan) == hash(nan))

print("-- conversions")
x = float(F(2.5))
print(x, type(x).__name__, int(F(2.7)), int(FF(-3.9)), complex(F(1.5)), F(1.5) + 1j)
print(math.floor(F(2.7)), math.ceil(F(2.2)), math.trunc(F(-2.5)), round(F(2.5)), round(F(0.5)))
print(round(F(2.675), 2), type(round(F(1.25), 1)).__name__, math.sqrt(F(4.0)), math.log(F(math.e)))
print(math.pow(F(2), 10), math.isinf(F("inf")), math.isclose(F(1.0), 1.0), math.copysign(1, F(-0.0)))
print(fractions.Fraction(F(0.5)), bool(F(0.0)), bool(a))
print(a.real, type(a.real).__name__, a.imag, a.is_integer(), a.as_integer_ratio(), a.hex())
print(a.conjugate(), type(a.conjugate()).__name__, a.__getnewargs__(), a.__round__(), a.__trunc__())
print(F(3.7).__floor__(), F(3.2).__ceil__(), F(3.0).__int__())
print(format(a, ".3f"), f"{a}", f"{a:>8}", f"{F(1234567.0):,}", format(F(1.0), ""))
print("{:.2e} {!r} {}".format(F(1234.5), F(1.0), F(2.0)), "%s %r %.2f %d" % (a, a, a, a))

print("-- construction")
print(F(), F(3), F("  2.5 "), F(b"3.5"), F(F(1.5)), FF(2.5), type(F()).__name__)
print(float.__new__(F, "1.5"), type(float.__new__(F, "1.5")).__name__)
print(F.fromhex("0x1p3"), type(F.fromhex("0x1p3")).__name__)
print(F.from_number(3), type(F.from_number(3)).__name__)
c = copy.copy(F(1.5))
print(c, type(c).__name__, copy.deepcopy(FF(2.0)), type(F(1.5)).__name__)
for bad in [("x",), (1, 2), ([],)]:
    try:
        F(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    F(x=1)
except TypeError as e:
    print("TypeError", e)

print("-- overrides")


class G(float):
    def __repr__(self):
        return "G(" + super().__repr__() + ")"

    def __add__(self, o):
        return "add"

    def __radd__(self, o):
        return "radd"


g = G(2.0)
print(repr(g), str(g), f"{g}", g + 1, 1 + g, 1.0 + g, super(G, g).__add__(1), float.__add__(g, 1))


class D(float):
    def __divmod__(self, o):
        return "dm"

    def __floor__(self):
        return "floor!"

    def __float__(self):
        return 9.0


print(divmod(D(1.0), 2), math.floor(D(1.5)), float(D(1.0)))


class H(float):
    def __float__(self):
        return F(9.0)


warnings.simplefilter("always")
warnings.showwarning = lambda m, c, f, l, *a: print("warning:", c.__name__, m)
print(float(H(1.0)), type(float(H(1.0))).__name__)

print("-- instance dict, __slots__")
f = F(2.0)
f.x = 5
print(f.x, f.__dict__, vars(FF(1.0)))


class S(float):
    __slots__ = ("tag",)


s = S(3.0)
s.tag = 1
print(s, s.tag)
try:
    s.other = 1
except AttributeError as e:
    print("AttributeError:", e)

print("-- __new__ and __init__")


class N(float):
    def __new__(cls, x, extra):
        o = super().__new__(cls, x)
        o.extra = extra
        return o


n = N("1.25", "e")
print(n, n.extra, type(n).__name__)


class O(float):
    def __new__(cls, x):
        return 42


print(O(1.0), type(O(1.0)).__name__)


class I(float):
    def __init__(self, v):
        self.v = v * 2


i = I(3.0)
print(i, i.v)
F(1.0).__init__(5, 6)

print(F("oops"))
