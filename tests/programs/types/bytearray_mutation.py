# bytearray mutation: items, slices (extended too), methods, in-place operators.
ba = bytearray(b"0123456789")
ba[0] = 65
ba[-1] = 66
print(ba)
ba[1:3] = b"xyz"
print(ba)
ba[::3] = b"...."
print(ba)
del ba[::2]
print(ba)
ba[len(ba):] = [1, 2]
ba[:0] = bytearray(b"<")
print(ba, len(ba))
ba.extend(range(3))
ba.extend(b"!")
ba.insert(-1, 63)
ba.insert(100, 35)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("4"))
ba.reverse()
print(ba, ba.copy() == ba, ba.copy() is ba)
ba.clear()
print(ba, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"abc")[1:], bytearray(b"ab")[0])
c = bytearray(b"ab")
d = c
c += b"cd"
c *= 2
print(c, d is c, c + b"!", c * 0, bytearray(b"x") == b"x", bytearray(b"a") < b"b", b"ab" in c)
print(c.upper(), c.split(b"c"), c.hex(), c.find(b"d"), c.decode(), c.replace(b"a", b"A"), type(c.strip()).__name__)
def assign(target, index, value):
    target[index] = value
for bad in [lambda: c.append(256), lambda: c.append(b"x"), lambda: assign(c, 0, b"x"), lambda: assign(c, 99, 1),
            lambda: assign(c, slice(None, None, 2), b"x"), lambda: assign(c, slice(0, 1), 5),
            lambda: c.pop(99), lambda: bytearray().pop(), lambda: c.remove(0), lambda: c.extend("x"),
            lambda: c.extend(5), lambda: hash(c), lambda: c.index(b"z"), lambda: c.insert(0, -1)]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
m = memoryview(c)
try:
    c.append(1)
except BufferError as e:
    print(type(e).__name__, e)
c[0] = 120
print(c[:3], m[0])
m.release()
c.append(1)
print(c[-2:])
