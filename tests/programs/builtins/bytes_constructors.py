# bytes() and bytearray() constructors and their errors.
print(bytes(), bytes(3), bytes([65, 66]), bytes("hé", "utf-8"), bytes(range(3)))
print(bytearray(b"ab"), bytearray(2), bytearray([1, 2]))
print(bytes.fromhex("de ad be ef"), bytearray.fromhex("00ff"))
for bad in ([256], [-1]):
    try:
        bytes(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    bytes("text")
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytes.fromhex("zz")
except ValueError as e:
    print(type(e).__name__, e)
ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
print(ba, bytes(ba))
