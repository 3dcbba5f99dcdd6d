# chr and ord, round trips and errors.
print(chr(65), chr(97), chr(0x4e2d), chr(0x1F600) == "\U0001F600", repr(chr(0)))
print(ord("A"), ord("\u00e9"), ord("\U0001F600"), ord(b"a"), ord(bytearray(b"z")))
print("".join(chr(ord(c) + 1) for c in "HAL"))
print([ord(c) for c in "az09"])
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    ord("")
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr("a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    ord(5)
except TypeError as e:
    print(type(e).__name__, e)
print(chr(0x10FFFF) == "\U0010ffff")
