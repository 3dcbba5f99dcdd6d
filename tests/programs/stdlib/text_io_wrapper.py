# io.TextIOWrapper over a binary stream (BytesIO, a file opened 'rb'):
# read, readline, iteration, the newline modes, encodings and errors,
# a settable mode attribute, buffer, detach, writing, and tokenize.open.
import io
import os
import tokenize

data = "first line\r\nsecond\rthird\nlast".encode("utf-8")
for newline in (None, "", "\n", "\r", "\r\n"):
    t = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=newline)
    print(repr(newline), [line for line in t])

t = io.TextIOWrapper(io.BytesIO("héllo\nwörld\n".encode("utf-8")), encoding="utf-8")
print(t.encoding, t.errors, t.readable(), t.writable(), t.seekable())
print(repr(t.read(3)), repr(t.readline()), repr(t.read()), repr(t.read()))
t.mode = "r"
print(t.mode, t.closed, type(t.buffer).__name__)
t.close()
print(t.closed)

t = io.TextIOWrapper(io.BytesIO(b"caf\xe9\n"), encoding="latin-1")
print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b"bad \xff byte\n"), encoding="utf-8", errors="replace")
print(repr(t.readline()))
try:
    io.TextIOWrapper(io.BytesIO(b"\xff"), encoding="utf-8").read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason)

raw = io.BytesIO()
w = io.TextIOWrapper(raw, encoding="utf-8", newline="\r\n")
print(w.write("a\nb\n"))
w.flush()
print(raw.getvalue())
b = w.detach()
print(b is raw)

path = os.path.join("/tmp", f"krait_text_io_{os.getpid()}.py")
with open(path, "wb") as f:
    f.write(b"# -*- coding: utf-8 -*-\nx = 1\r\ny = 'z'\n")
try:
    with open(path, "rb") as buffer:
        t = io.TextIOWrapper(buffer, encoding="utf-8", line_buffering=True)
        print(t.line_buffering, t.readlines())
    with tokenize.open(path) as f:
        print(f.mode, f.encoding, f.readline(), list(f))
finally:
    os.remove(path)
