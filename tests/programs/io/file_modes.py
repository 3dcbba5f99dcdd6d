# open(): text and binary modes on a file under /tmp, seek/tell, iteration,
# closed-file and mode errors, and the classes of the file objects.
import io

name = "/tmp/krait_io_file_modes.txt"
with open(name, "w") as f:
    print(type(f).__name__, isinstance(f, io.TextIOBase), isinstance(f, io.IOBase))
    print(f.name, f.mode, f.writable(), f.readable(), f.seekable(), f.closed)
    print(f.write("alpha\n"), f.write("beta\ngamma"))
    f.writelines(["\n", "delta\n"])
print(f.closed)

with open(name) as f:
    print(repr(f.readline()), repr(f.readline(2)), repr(f.read(3)), f.readlines())
with open(name) as f:
    print([line for line in f])
with open(name) as f:
    print(f.read(5), f.tell(), f.seek(0), repr(f.read()))

with open(name, "rb") as f:
    print(type(f).__name__, isinstance(f, io.BufferedIOBase), f.mode)
    print(f.read(3), f.tell(), f.readline(), f.seek(-6, 2), f.read(), f.seek(2), f.read(2))
    print(list(f)[:2])

with open(name, "ab") as f:
    print(type(f).__name__, f.write(b"epsilon\n"), f.tell())
with open(name, "r+b") as f:
    print(type(f).__name__, f.read(5), f.seek(0), f.write(b"ALPHA"), f.seek(0), f.readline())
with open(name, "a") as f:
    f.write("zeta\n")
with open(name) as f:
    print(f.read().splitlines())

with open(name, "w+") as f:
    f.write("one\ntwo\n")
    f.seek(0)
    print(f.readlines())

try:
    open(name, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.filename)

f = open(name)
f.close()
for bad in [f.read, f.readline, lambda: iter(f), lambda: f.write("x"), f.tell,
            lambda: f.seek(0), f.fileno, f.flush, f.readable]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)

with open(name, "w") as f:
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e)
    try:
        f.write(b"bytes")
    except TypeError as e:
        print(type(e).__name__, e)
with open(name, "rb") as f:
    try:
        f.write(b"x")
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e)

for mode in ["rw", "rr", "q", "", "bt", "r+b+", "wa"]:
    try:
        open(name, mode)
    except ValueError as e:
        print(repr(mode), type(e).__name__, e)
for kwargs in [{"encoding": "utf-8"}, {"errors": "strict"}, {"newline": ""}]:
    try:
        open(name, "rb", **kwargs)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    open("/tmp/krait_io_no_such_dir/x.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    open(name, 3)
except TypeError as e:
    print(type(e).__name__, e)
