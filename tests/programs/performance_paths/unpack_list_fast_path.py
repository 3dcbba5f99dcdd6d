# Unpacking lists through the fast tier: exact lists of the right length,
# wrong lengths, list subclasses, self-referencing lists, nested unpacking.
lst = [1, 2, 3]
a, b, c = lst
print(a, b, c)
for bad in ([1, 2], [1, 2, 3, 4], []):
    try:
        a, b, c = bad
    except ValueError as e:
        print(e)
class L(list):
    def __iter__(self):
        print("iter")
        return iter([7, 8, 9])
a, b, c = L([1, 2, 3])
print(a, b, c)
x = [0, 0]
x[0] = x
p, q = x
print(p is x, q)
(a, b), c = [[1, 2], 3]
print(a, b, c)
total = 0
rows = [[i, i * 2, i * 3] for i in range(5)]
for r in rows:
    u, v, w = r
    total += u + v + w
print(total)
