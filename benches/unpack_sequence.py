# Sequence unpacking: tuple and list unpack assignments, starred targets, swaps.
def unpack_tuples(n):
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    total = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        total += a + j
    return total


def unpack_lists(n):
    lst = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    total = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = lst
        a, b, c, d, e, f, g, h, i, j = lst
        a, b, c, d, e, f, g, h, i, j = lst
        a, b, c, d, e, f, g, h, i, j = lst
        total += b + i
    return total


def starred(n):
    data = (1, 2, 3, 4, 5)
    total = 0
    for _ in range(n):
        first, *mid, last = data
        head, *tail = data
        total += first + last + len(mid) + head + len(tail)
    return total


def swaps(n):
    a, b, c = 1, 2, 3
    for _ in range(n):
        a, b = b, a
        a, b, c = c, a, b
        (a, b), c = (b, c), a
    return a * 100 + b * 10 + c


def pairs(n):
    items = [(i, i * 2) for i in range(100)]
    total = 0
    for _ in range(n):
        for k, v in items:
            total += v - k
    return total


print(unpack_tuples(1_200_000))
print(unpack_lists(1_200_000))
print(starred(900_000))
print(swaps(1_500_000))
print(pairs(9_000))
