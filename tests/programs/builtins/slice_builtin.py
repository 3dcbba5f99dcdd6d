# slice() objects: attributes, indices(), use in subscripts.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step)
print(slice(5), slice(None), slice(1, None, -1))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
data = list(range(12))
print(data[s], data[slice(None, None, -3)], "abcdef"[slice(2)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    data[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    data["a":]
except TypeError as e:
    print(type(e).__name__, e)
print(hash(slice(1, 2)) == hash(slice(1, 2)))
