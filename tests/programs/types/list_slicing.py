# list slicing, slice assignment (including extended slices) and del.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::3], a[::-2], a[-3:-1], a[5:2])
a[2:5] = ["x"]
print(a)
a[1:1] = [100, 200]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
del a[1:3]
print(a)
del a[::2]
print(a)
b = [1, 2, 3]
b[len(b):] = [4, 5]
b[:0] = [0]
print(b)
b[:] = "xyz"
print(b)
del b[:]
print(b)
c = [1, 2, 3]
c[1:2] = range(3)
print(c)
try:
    c[0:1] = 5
except TypeError as e:
    print(type(e).__name__, e)
