# Big-integer arithmetic at sizes where the multi-limb paths do the work:
# a spigot for digits of pi, factorials, powers, floor division and modulo
# with mixed signs, shifts, bitwise operators, conversions to and from text.
# (Also part of `cargo xtask pgo`'s training set, which runs every program.)


def pi_digits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < count:
        if 4 * q + r - t < n * t:
            digits.append(n)
            q, r, t, k, n, l = 10 * q, 10 * (r - n * t), t, k, (10 * (3 * q + r)) // t - 10 * n, l
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
    return "".join(map(str, digits))


print(pi_digits(300))

f = 1
for i in range(1, 301):
    f *= i
print(len(str(f)), str(f)[:40], str(f)[-40:].rstrip("0") or "0")
print(f % 1000003, f // 10**600 if f > 10**600 else 0)

a = 3**500 + 12345
b = -(7**300) - 1
for x, y in [(a, b), (b, a), (a, 97), (-a, 97), (a, -97), (b, b + 1)]:
    q, m = divmod(x, y)
    print(q % 10**20, m % 10**20, q * y + m == x, (x // y) == q, x % y == m)

print(pow(3, 10**4, 10**9 + 7), pow(a, 3, b), pow(2, -1, 1000003))
print(a >> 700, (a << 13) % 10**30, (a & b) % 10**25, (a | b) % 10**25, (a ^ b) % 10**25)
print(hex(a)[:30], oct(b)[:30], bin(a)[-30:])
print(int(str(a)) == a, int(hex(b), 16) == b, a.bit_length(), b.bit_length())
print(a.to_bytes(100, "big")[:12], int.from_bytes(a.to_bytes(100, "little"), "little") == a)
print(sum(i * i for i in range(10**4)) ** 3)
print(abs(b) > a, -a < b, a == a + 0, hash(a) == hash(a + 0))
print(f"{a:,}"[:40], f"{b:_}"[-30:], float(a) if a < 10**308 else "big")
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    a // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
