# math module: sqrt, floor, ceil, gcd, lcm, isqrt, factorial, comb, perm, log, trig.
import math
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1))
print(type(math.floor(2.5)).__name__, math.trunc(-2.9))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm())
print(math.isqrt(99), math.isqrt(10 ** 20), math.factorial(20), math.comb(10, 3), math.perm(5, 2))
print(math.pi, math.e, math.tau, f"{math.pi:.10f}")
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), math.atan2(1, 1) * 4 == math.pi)
print(math.hypot(3, 4), math.dist((0, 0), (3, 4)), math.fabs(-3), math.pow(2, 10))
print(math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.copysign(3, -0.0))
for bad in (lambda: math.sqrt(-1), lambda: math.factorial(-1), lambda: math.log(0), lambda: math.isqrt(-4)):
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    math.factorial(2.5)
except TypeError as e:
    print(type(e).__name__, e)
