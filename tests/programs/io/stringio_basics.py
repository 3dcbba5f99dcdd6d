# io.StringIO: reading, writing, seeking, truncating, newline modes, errors.
import io

s = io.StringIO("hello\nworld\n")
print(repr(s.read(3)), s.tell(), repr(s.readline()), repr(s.read()))
print(s.seek(0), list(s))
s.seek(0, 2)
print(s.write("more"), repr(s.getvalue()), s.tell())
s.seek(2)
s.write("XY")
print(repr(s.getvalue()))
print(s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(8)
s.write("!")
print(repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed)

for newline in [None, "", "\n", "\r", "\r\n"]:
    t = io.StringIO(newline=newline)
    t.write("a\nb\r\nc\rd")
    t.seek(0)
    print(repr(newline), repr(t.getvalue()), t.readlines())

print(io.StringIO("x\ny", newline=None).readlines())
print(repr(io.StringIO("abc\ndef").readline(2)))
print(io.StringIO("é\U0001f600z").read(2))
with io.StringIO("ctx") as c:
    print(c.read())
print(c.closed)

for bad in [lambda: io.StringIO(b"x"), lambda: io.StringIO("", newline="x"),
            lambda: io.StringIO("", newline=3), lambda: io.StringIO().write(b"x"),
            lambda: io.StringIO().seek(-1), lambda: io.StringIO().seek(1, 1),
            lambda: io.StringIO().seek(0, 5), lambda: io.StringIO().truncate(-1),
            lambda: c.read(), lambda: c.getvalue(), lambda: c.write("x"),
            lambda: c.tell(), lambda: iter(c)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())

u = Upper()
print(u.write("shout"), u.getvalue(), isinstance(u, io.TextIOBase), isinstance(u, io.IOBase))
print(io.StringIO.__mro__)
