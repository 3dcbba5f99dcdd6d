# memoryview: views share memory, slicing, attributes, release and with.
data = bytearray(b"abcdefgh")
m = memoryview(data)
print(len(m), m[0], m[-1], m[2:5].tobytes(), m[::2].tolist(), m[::-1].tobytes(), bytes(m[1:3]))
print(m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m[::3].strides, m.obj is data)
sub = m[2:6]
sub[0] = 88
sub[1:3] = b"YZ"
print(data, sub.tobytes(), sub[::2].tobytes(), len(sub[::2]), m.hex(), sub.hex(":"))
print(m == data, m == b"abXYZfgh", m[1:3] == b"bX", m != b"zz", list(m[:3]), m.tolist() == list(data))
ro = memoryview(b"xyz")
print(ro.readonly, ro.tobytes(), ro.toreadonly().readonly, memoryview(ro).tobytes(), hash(ro) == hash(b"xyz"))
def assign(view, index, value):
    view[index] = value
for bad in [lambda: assign(ro, 0, 1), lambda: assign(m, 0, 256), lambda: assign(m, 0, b"x"),
            lambda: assign(m, slice(0, 2), b"xyz"), lambda: m[100], lambda: m["x"], lambda: memoryview("s"),
            lambda: hash(m), lambda: m < m]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
with memoryview(b"ctx") as v:
    print(v[0], v.tobytes())
try:
    v[0]
except ValueError as e:
    print(type(e).__name__, e)
m.release()
m.release()
for bad in [lambda: len(m), lambda: m.tobytes(), lambda: m.obj, lambda: bytes(m)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(m == m, repr(m).startswith("<released memory at 0x"), repr(ro).startswith("<memory at 0x"))
