# Sequence unpacking: starred targets, nesting, swaps, and error messages.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
(x, y), [z, *w] = (1, 2), [3, 4, 5]
print(x, y, z, w)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
p = q = [0]
print(p is q)
for bad in ([1, 2], [1, 2, 3, 4], 5):
    try:
        m, n, o = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a1, a2, *a3, a4 = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
s1, s2 = "hi"
print(s1, s2, *range(3), *"xy")
print([*range(2), *"ab"], (*[1],), {*[1, 1]}, {**{"a": 1}})
