# Digits of pi with the unbounded spigot algorithm: big-integer arithmetic.
def pi_digits(limit):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    produced = []
    while len(produced) < limit:
        if 4 * q + r - t < n * t:
            produced.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
    return produced


digits = pi_digits(3500)
text = "".join(map(str, digits))
for i in range(0, 100, 50):
    print(text[i : i + 50])
print("last 20:", text[-20:])
print("digit sum:", sum(digits))
