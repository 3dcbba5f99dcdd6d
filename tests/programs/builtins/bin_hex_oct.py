# bin, hex, oct and int round trips.
for n in (0, 1, 255, -255, 2 ** 40, -1):
    print(n, bin(n), oct(n), hex(n))
print(int(bin(12345), 2), int(hex(-99), 16), int(oct(8), 8))
print(f"{10:b} {10:o} {10:x} {10:#X}")
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(hex(True), bin(False))
