# io.FileIO and open(..., buffering=0): raw modes, repr, readinto, readall, closefd.
import io

name = "/tmp/krait_io_fileio_raw.bin"
for mode in ["wb", "ab", "r+b", "rb", "w+b"]:
    f = open(name, mode, buffering=0)
    print(type(f).__name__, repr(f).replace(name, "NAME"), f.mode, f.closefd)
    f.close()
    print(f)
try:
    open(name, "w", buffering=0)
except ValueError as e:
    print(type(e).__name__, e)

f = io.FileIO(name, "w")
print(f.mode, f.write(b"abcdef"), f.tell(), isinstance(f, io.RawIOBase), f.readable(), f.writable())
f.close()
f = io.FileIO(name)
buf = bytearray(4)
print(f.mode, f.readinto(buf), buf, f.readall(), f.read(), f.tell(), f.seek(1), f.read(2))
fd = f.fileno()
g = io.FileIO(fd, closefd=False)
print(g.name == fd, g.closefd, g.seek(0), g.read())
g.close()
print(f.closed, g.closed)
f.close()
with io.FileIO(name, "a") as h:
    print(h.write(b"!"), h.mode)
with io.FileIO(name) as h:
    print(h.read())
for bad in [lambda: io.FileIO(name, "rt"), lambda: io.FileIO(name, closefd=False),
            lambda: f.read(), lambda: f.fileno()]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
