# memoryview over bytes and bytearray: slicing without copying, tolist, release.
data = bytearray(b"abcdef")
mv = memoryview(data)
print(mv[0], mv[1:3].tobytes(), mv.tolist()[:3], len(mv), mv.readonly)
mv[0] = ord("Z")
print(data)
sub = mv[2:4]
sub[:] = b"XY"
print(data, bytes(mv[::2]))
ro = memoryview(b"xyz")
print(ro.readonly, ro.nbytes, ro.format, ro.itemsize)
try:
    ro[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
mv.release()
try:
    mv[0]
except ValueError as e:
    print(type(e).__name__, e)
