# open() text files in UTF-8, ASCII and Latin-1, with error handlers.
name = "/tmp/krait_io_text_encodings.txt"
with open(name, "w", encoding="latin-1") as f:
    print(f.encoding, f.errors, f.write("café\nnaïve\n"))
with open(name, "rb") as f:
    print(f.read())
with open(name, encoding="latin-1") as f:
    print(f.read(3), f.readline(), f.readlines())
try:
    with open(name) as f:
        f.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
with open(name, errors="replace") as f:
    print(f.errors, repr(f.read()))
with open(name, encoding="ascii", errors="ignore") as f:
    print(repr(f.read()))
try:
    with open(name, "w", encoding="ascii") as f:
        f.write("é")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
with open(name, "w", encoding="ascii", errors="xmlcharrefreplace") as f:
    f.write("é\U0001f600\n")
with open(name, "w", errors="surrogateescape") as f:
    f.write("a\udcff\n")
with open(name, "rb") as f:
    print(f.read())
try:
    with open(name, "w") as f:
        f.write("a\udcff")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
with open(name, "ab") as f:
    print(f.write(bytearray(b"ba")), f.write(memoryview(b"mv")))
with open(name, "rb") as f:
    print(f.read())
try:
    open(name, errors=3)
except TypeError as e:
    print(type(e).__name__, e)
