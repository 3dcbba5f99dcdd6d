# int methods: bit_length, bit_count, to_bytes, from_bytes, as_integer_ratio, is_integer.
for n in (0, 1, 255, 256, -1, -256, 2 ** 100):
    print(n, n.bit_length(), n.bit_count())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1).to_bytes())
print((-1).to_bytes(2, "big", signed=True), (255).to_bytes(1, "big"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(b""))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
print((10).as_integer_ratio(), (7).is_integer(), (5).conjugate(), (5).real, (5).imag, (6).numerator, (6).denominator)
print(int.__name__, (3).__class__.__name__)
