# open() of str, bytes and os.PathLike paths; what `name` shows.
class Where:
    def __init__(self, path):
        self.path = path
    def __fspath__(self):
        return self.path

name = "/tmp/krait_io_open_paths.txt"
with open(Where(name), "w") as f:
    print(type(f.name).__name__, f.name == name, f.write("by path-like\n"))
with open(name.encode()) as f:
    print(f.name, repr(f).replace(name, "NAME"), f.read())
with open(Where(name.encode()), "rb") as f:
    print(f.name, f.read(2))
for bad in [Where(3), 3.5, None]:
    try:
        open(bad)
    except TypeError as e:
        print(type(e).__name__, e)
