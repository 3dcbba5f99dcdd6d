# list and tuple methods and operators at their edges.
a = [5, 3, 8, 1, 9, 2]
print(a.index(8), a.index(9, 2), a.index(3, -6, 2), a.count(3), a.count("x"))
b = a.copy()
b.sort(reverse=True)
print(b, sorted(a, key=lambda x: -x), a)
words = ["bb", "a", "ccc", "dd", "e"]
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
pairs.sort(key=lambda p: p[0])
print(pairs)
c = [1, 2, 3, 4, 5, 6, 7, 8]
c[1:7:2] = "xyz"
print(c)
c[::-1] = range(8)
print(c)
del c[-3:]
c[2:2] = (9, 9)
print(c, c[::-2], c[-100:100], c[5:1:-1])
c[:] = []
print(c, [0] * 0, [[]] * 2, [1, 2] * -1)
t = (1, 2, 3, 2, 1)
print(t.index(2), t.index(2, 2), t.count(1), t[::-1], t[1:3], t * 2, (1,) + (2,), (1,) < (1, 2), (2,) > (1, 5))
print(hash((1, 2)) == hash((1, 2)), (1, [2]) == (1, [2]), () == (), len(()), (1,) * 0)
x = [1, 2]
y = x
x += (3,)
x *= 2
print(x, y is x, [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [[1]] == [[1]], [3] > [1, 2])
nested = [1]
nested.append(nested)
t2 = (nested,)
print(nested, t2, [nested, nested])
def bad_key(v):
    raise ValueError("key failed on " + str(v))
for bad in [lambda: [1].index(2), lambda: [1, 2].index(1, 1), lambda: (1,).index(3), lambda: [].pop(),
            lambda: [1].pop(3), lambda: [1].remove(9), lambda: [3, "a"].sort(), lambda: [1, 2].sort(key=bad_key),
            lambda: [1] * 2.5, lambda: [1] + (2,), lambda: (1,) + [2], lambda: [1].insert("0", 1),
            lambda: [1, 2].index(1, "x"), lambda: hash([1]), lambda: hash((1, [2])), lambda: [1][1:2:0]]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
d = [3, 1, 2]
def mutating_key(v):
    d.append(v)
    return v
try:
    d.sort(key=mutating_key)
except ValueError as e:
    print(type(e).__name__, e, d)
e = [3, 1, 2, "x"]
try:
    e.sort()
except TypeError as err:
    print(type(err).__name__, err, sorted(e[:3]))
print([1, 2, 3].index(4))
