# math: inf, nan, isclose, isfinite, and float edge cases.
import math
print(math.inf, -math.inf, math.nan, math.inf == float("inf"), math.inf > 10 ** 300)
print(math.isinf(math.inf), math.isnan(math.nan), math.isfinite(1e308), math.isfinite(math.inf))
print(math.inf - math.inf, math.inf * 0, 0 * math.inf, math.inf / math.inf)
print(math.nan == math.nan, math.nan != math.nan, math.nan < 1, math.nan > 1)
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2))
print(math.isclose(0, 1e-12), math.isclose(0, 1e-12, abs_tol=1e-9))
print(math.floor(-0.0), math.copysign(1, -0.0), -0.0 == 0.0, math.fmod(-7, 3), -7 % 3)
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4), math.remainder(7, 4))
try:
    math.floor(math.inf)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    math.floor(math.nan)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.exp(1000)
except OverflowError as e:
    print(type(e).__name__, e)
print(math.nextafter(1.0, 2.0) - 1.0 == 2 ** -52, math.ulp(1.0))
