# The io ABCs over _io's bases: default methods, closed state, UnsupportedOperation.
import io

print(io.UnsupportedOperation.__mro__)
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(io.BlockingIOError is BlockingIOError, io.open is open)
print(io.text_encoding(None), io.text_encoding("latin-1"))

class Source(io.RawIOBase):
    """A raw stream over some bytes, reading at most 4 at a time."""
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def readable(self):
        return True
    def readinto(self, buffer):
        chunk = self.data[self.pos:self.pos + min(4, len(buffer))]
        buffer[:len(chunk)] = chunk
        self.pos += len(chunk)
        return len(chunk)

s = Source(b"one\ntwo\nthree")
print(s.read(2), s.readline(), s.readall())
s = Source(b"a\nb\n")
print(list(s), s.closed)
print(Source(b"x\ny\nz").readlines())
s.close()
print(s.closed, s.__dict__)
for bad in [s.read, s.readline, lambda: iter(s), s.flush, lambda: s.writelines([]),
            s.fileno, lambda: Source(b"").seek(0), Source(b"").tell,
            Source(b"").truncate, Source(b"")._checkWritable,
            Source(b"")._checkSeekable, lambda: io.RawIOBase().readinto(bytearray(1)),
            io.BufferedIOBase().read, io.BufferedIOBase().detach,
            io.TextIOBase().read, io.TextIOBase().readline,
            lambda: io.TextIOBase().write("x")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
print(Source(b"")._checkReadable(), Source(b"").isatty())
print(io.TextIOBase().encoding, io.TextIOBase().errors, io.TextIOBase().newlines)

class Sink(io.BufferedIOBase):
    def __init__(self):
        self.parts = []
    def writable(self):
        return True
    def write(self, b):
        self.parts.append(bytes(b))
        return len(b)
    def read(self, n=-1):
        return b"xyz"[:n]

k = Sink()
k.writelines([b"a", b"bc"])
print(k.parts)
buf = bytearray(2)
print(k.readinto(buf), buf)
with Sink() as k2:
    print(k2.closed)
print(k2.closed)
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.StringIO, io.TextIOBase))
print([c.__name__ for c in io.RawIOBase.__mro__])
