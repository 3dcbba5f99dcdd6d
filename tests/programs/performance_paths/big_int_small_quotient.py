# Floor division and modulo of big ints whose quotient is small (the
# estimate-and-correct path) next to every other kind: signs, sizes at the
# 64-bit digit edges, quotients at the 62/63-bit edge, exact multiples.
M = 2**61 - 1
state = 2463534242


def rand_bits(bits):
    global state
    n = 0
    for _ in range(bits // 32 + 1):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        n = (n << 32) | (state >> 32)
    return n >> (32 * (bits // 32 + 1) - bits) | (1 << (bits - 1))


def digest(pairs):
    total = 0
    for x, y in pairs:
        q, r = x // y, x % y
        assert q * y + r == x and (r == 0 or (r > 0) == (y > 0)) and abs(r) < abs(y)
        total = (total * 1000003 + q * 7 + r) % M
        dq, dr = divmod(x, y)
        assert (dq, dr) == (q, r)
    return total


cases = {}
for y_bits in (63, 64, 65, 66, 127, 128, 129, 1000, 4096):
    for q_bits in (0, 1, 2, 30, 61, 62, 63, 64, 65, 200):
        pairs = []
        for _ in range(6):
            y = rand_bits(y_bits)
            x = rand_bits(y_bits + q_bits) if q_bits else rand_bits(y_bits) // 3
            pairs.append((x, y))
            pairs.append((y * rand_bits(max(q_bits, 1)), y))  # exact multiple
            pairs.append((y * rand_bits(max(q_bits, 1)) + y - 1, y))  # remainder y - 1
            pairs.append((-x, y))
            pairs.append((x, -y))
            pairs.append((-x, -y))
        cases[(y_bits, q_bits)] = digest(pairs)
for key, value in cases.items():
    print(key, value)

# Small samples printed in full.
for x, y in ((10**40, 10**20 + 7), (2**130 - 1, 2**65 + 1), (2**200, 2**140 - 3), (5 * 2**70, 2**70)):
    print(x // y, x % y, -x // y, -x % y, divmod(x, -y))
print(10**40 // (10**40 + 1), 10**40 % (10**40 + 1), (10**40 + 1) // 10**40)
try:
    print(2**100 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(2**100 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
