# container[a:b:c] on lists, tuples and others: the slice made and
# subscripted at once, with every kind of bound and container.
class Index:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class MyList(list):
    def __getitem__(self, key):
        return ("MyList", key.start, key.stop, key.step)


class Seq:
    def __getitem__(self, key):
        return key


data = list(range(10))
tup = tuple(data)
for k in range(-12, 13, 3):
    print(k, data[k::-1], data[:k:2], tup[k::-1], tup[::k or 1])
print(data[::-1], data[1:8:3], data[8:1:-2], data[100::-1], data[-100::1])
print(data[Index(2):Index(8):Index(2)], tup[Index(-1)::Index(-3)])
print(data[2 ** 70 :: -1], data[-(2 ** 70) :: 1], data[:: 2 ** 70], data[:: -(2 ** 70)])
print(MyList([1, 2, 3])[1::2], Seq()[1:2:3], "abcdef"[::-2], b"abcdef"[1::2])
print(range(20)[3::4], memoryview(b"abcdef")[::2].tobytes())
for bad in (0, "x", 1.5, None):
    try:
        print(data[::bad])
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    print(data["a"::1])
except TypeError as e:
    print("TypeError", e)
number = 5
try:
    print(number[1::2])
except TypeError as e:
    print("TypeError", e)
# The same site sees several container kinds.
for container in (data, tup, "abcdefghij", MyList(data), range(10), bytearray(b"0123456789")):
    print(container[1::3])
# Elements that are objects: counts survive the copy.
objs = [object() for _ in range(5)]
rev = objs[::-1]
print(rev[0] is objs[-1], len(rev))
del objs
print(len(rev[::2]))
