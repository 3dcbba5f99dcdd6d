# open(): reading this program's own source, writing to /dev/null, modes and errors.
with open("open_files.py") as f:
    print(type(f).__name__, f.name, f.mode, f.encoding, f.closed, f.readable(), f.writable())
    first = f.readline()
    print(repr(first))
    print(repr(f.read(10)))
    rest = f.readlines()
    print(len(rest) > 5, rest[-1].endswith("\n"))
print(f.closed)
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
with open("open_files.py", "rb") as f:
    print(type(f).__name__, f.read(7), len(f.readline()), f.tell() > 0)
    f.seek(0)
    print(f.read(2))
lines = [line for line in open("open_files.py")]
print(len(lines) > 5, lines[0].startswith("# open()"))
with open("/dev/null", "w") as sink:
    print(sink.write("abc\u00e9"), sink.writelines(["x", "y"]), print("via print", file=sink))
with open("/dev/null", "wb") as sink:
    print(type(sink).__name__, sink.write(b"\x00\x01"))
    try:
        sink.write("text")
    except TypeError as e:
        print(type(e).__name__, e)
for mode in ("rw", "rr", "", "q", "bt", "r++", "wa", "+"):
    try:
        open("open_files.py", mode)
    except ValueError as e:
        print(repr(mode), type(e).__name__, e)
try:
    open("no_such_directory/no_such_file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.filename)
try:
    open("open_files.py", "rb", encoding="utf-8")
except ValueError as e:
    print(type(e).__name__, e)
class Recorder:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        self.parts.append("<flush>")
rec = Recorder()
print("a", 1, None, sep="|", end="!", file=rec, flush=True)
print(rec.parts)
