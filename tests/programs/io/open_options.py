# open(): newline modes, encoding names, file descriptors, closefd, opener.
import io

name = "/tmp/krait_io_open_options.txt"
with open(name, "w", newline="") as f:
    f.write("a\nb\r\nc\rd")
for newline in [None, "", "\n", "\r", "\r\n"]:
    with open(name, newline=newline) as f:
        print(repr(newline), f.readlines())
    with open(name, newline=newline) as f:
        print(repr(f.read()))
for newline in ["\r", "\r\n", "\n", ""]:
    with open(name, "w", newline=newline) as f:
        f.write("x\ny\n")
    with open(name, "rb") as f:
        print(repr(newline), f.read())
for bad in ["x", 3]:
    try:
        open(name, newline=bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

for enc in ["locale", "utf8", "UTF-8", "utf_8"]:
    with open(name, "w", encoding=enc) as f:
        print(f.encoding, repr(f).replace(name, "NAME"))
try:
    open(name, encoding="no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
try:
    open(name, closefd=False)
except ValueError as e:
    print(type(e).__name__, e)

def opener(path, flags):
    print("opener", path == name, oct(flags))
    return -1

for mode in ["r", "w", "a+", "xb", "r+b"]:
    try:
        open(name, mode, opener=opener)
    except ValueError as e:
        print(type(e).__name__, e)

raw = open(name, "rb")
fd = raw.fileno()
g = open(fd, "rb", closefd=False)
print(g.name == fd, g.read(3))
g.close()
print(raw.read())
raw.close()
for bad in [-1, 2**40]:
    try:
        open(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
