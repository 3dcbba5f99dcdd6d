# Files: truncate() and readlines(hint).
name = "/tmp/krait_io_file_truncate.txt"
with open(name, "w+") as f:
    f.write("line one\nline two\nline three\n")
    print(f.truncate(12), f.tell())
    f.seek(0)
    print(repr(f.read()))
    f.seek(4)
    print(f.truncate(), f.tell())
with open(name) as f:
    print(repr(f.read()))
with open(name, "wb") as f:
    f.write(b"a\nbb\nccc\ndddd\n")
with open(name, "rb") as f:
    print(f.readlines(3))
    print(f.readlines())
with open(name) as f:
    print(f.readlines(1), f.readlines(0))
for mode in ["r", "rb"]:
    with open(name, mode) as f:
        try:
            f.truncate()
        except OSError as e:
            print(type(e).__name__, e)
with open(name, "r+b", buffering=0) as f:
    print(f.truncate(3), f.read())
with open(name, "rb", buffering=0) as f:
    try:
        f.truncate()
    except OSError as e:
        print(type(e).__name__, e)
with open(name, "r+") as f:
    try:
        f.truncate(-1)
    except OSError as e:
        print(type(e).__name__, e)
