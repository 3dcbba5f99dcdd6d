# bytearray: mutability, slice assignment, methods.
ba = bytearray(b"hello")
ba[0] = ord("J")
print(ba)
ba[1:3] = b"EE"
print(ba)
ba[1:3] = b""
print(ba)
ba.extend(b" there")
ba.append(33)
ba.insert(0, 62)
print(ba, len(ba))
print(ba.pop(), ba.pop(0), ba)
ba.reverse()
print(ba)
del ba[:3]
print(ba, ba.count(b"l"), ba.find(b"o"))
try:
    ba.append(256)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ba[0] = b"x"
except TypeError as e:
    print(type(e).__name__, e)
ba2 = bytearray(b"abc")
ba2 *= 2
ba2 += b"!"
print(ba2, bytes(ba2), ba2 == b"abcabc!")
