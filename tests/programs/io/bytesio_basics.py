# io.BytesIO: reading, writing past the end, seeking, readinto, errors.
import io

b = io.BytesIO(b"line1\nline2\nrest")
print(b.read(2), b.readline(), b.tell(), list(b))
print(b.seek(0), b.read1(3), b.readlines())
print(b.seek(-2, 2), b.read(), b.seek(1, 0), b.seek(2, 1))
b.seek(20)
print(b.write(b"end"), b.getvalue(), b.tell())
print(b.truncate(5), b.getvalue(), b.tell())
b.seek(0)
buf = bytearray(3)
print(b.readinto(buf), buf, b.read())
print(b.write(bytearray(b"ba")), b.write(memoryview(b"mv")), b.getvalue())
print(b.readable(), b.writable(), b.seekable(), b.closed, b.flush())
print(repr(io.BytesIO().read()), io.BytesIO(b"abc").readline(2))
with io.BytesIO(b"ctx") as c:
    print(c.read())
print(c.closed)
for bad in [lambda: io.BytesIO("s"), lambda: io.BytesIO().write("s"),
            lambda: io.BytesIO().seek(-1), lambda: io.BytesIO().seek(0, 3),
            lambda: io.BytesIO().truncate(-2), lambda: c.read(),
            lambda: c.getvalue(), lambda: c.write(b"x"), lambda: c.seek(0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(isinstance(b, io.BufferedIOBase), isinstance(b, io.RawIOBase))
