# os file-system functions: stat/lstat/fstat and stat_result, mkdir/listdir,
# rename/replace, remove/unlink/rmdir, access, and their errors.
import os
import stat

base = "tmp_os_files_dir"
os.mkdir(base)
print(os.path.isdir(base), os.path.exists(base), os.path.isfile(base))
name = os.path.join(base, "a.txt")
with open(name, "w") as f:
    f.write("hello\n")
st = os.stat(name)
print(type(st).__name__, type(st).__module__, len(st), st.n_fields, st.n_sequence_fields, st.n_unnamed_fields)
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(base).st_mode))
print(st[6] == st.st_size, st[7] == int(st.st_atime), type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__)
print(st.st_mtime_ns // 1_000_000_000 == st[8], isinstance(st, tuple))
print(os.lstat(name).st_size, os.path.getsize(name))
with open(name) as f:
    print(os.fstat(f.fileno()).st_size)
print(sorted(os.listdir(base)), sorted(os.listdir(os.fsencode(base))))
os.mkdir(os.path.join(base, "sub"))
print(sorted(os.listdir(base)))
os.rename(name, os.path.join(base, "b.txt"))
print(sorted(os.listdir(base)))
os.replace(os.path.join(base, "b.txt"), os.path.join(base, "c.txt"))
print(sorted(os.listdir(base)), os.access(os.path.join(base, "c.txt"), os.R_OK))
print(os.access(os.path.join(base, "nope"), os.F_OK))

for call in [
    lambda: os.stat(os.path.join(base, "nope")),
    lambda: os.stat(b"no/such/file"),
    lambda: os.remove(os.path.join(base, "nope")),
    lambda: os.mkdir(base),
    lambda: os.rmdir(os.path.join(base, "nope")),
    lambda: os.rmdir(base),
    lambda: os.rename(os.path.join(base, "nope"), os.path.join(base, "x")),
    lambda: os.listdir(os.path.join(base, "nope")),
    lambda: os.remove(os.path.join(base, "sub")),
    lambda: os.stat([]),
    lambda: os.remove(3),
    lambda: os.listdir(3.5),
    lambda: os.lstat(5),
    lambda: os.stat("a\0b"),
]:
    try:
        call()
    except (OSError, TypeError, ValueError) as e:
        print(type(e).__name__, e, getattr(e, "filename", None), getattr(e, "filename2", None))

# stat_result as a struct sequence
r = os.stat_result(range(10))
print(r)
print(r.st_atime, r.st_mtime_ns, r.st_rdev)
r = os.stat_result(range(19))
print(r.st_atime, r.st_ctime_ns, r.st_rdev, r[9], len(r), r[-1], tuple(r)[:3])
r = os.stat_result(range(10), {"st_atime": 5.5, "st_rdev": 3})
print(r.st_atime, r.st_rdev, r.st_blocks)
for bad in [
    lambda: os.stat_result(),
    lambda: os.stat_result(5),
    lambda: os.stat_result(range(9)),
    lambda: os.stat_result(range(20)),
    lambda: os.stat_result(range(10), 5),
    lambda: os.stat_result(range(10), {"st_mode": 1}),
]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
for stmt in ["r.st_atime = 1", "r.st_mode = 1", "r.foo = 1", "del r.st_atime"]:
    try:
        exec(stmt)
    except AttributeError as e:
        print("AttributeError", e)
print(os.stat_result.st_atime.__class__.__name__)

class P:
    def __init__(self, p):
        self.p = p
    def __fspath__(self):
        return self.p

print(os.stat(P(base)).st_size > 0)
try:
    os.stat(P(os.path.join(base, "nope")))
except FileNotFoundError as e:
    print("FileNotFoundError", e.strerror, type(e.filename).__name__)

os.unlink(os.path.join(base, "c.txt"))
os.rmdir(os.path.join(base, "sub"))
os.rmdir(base)
print(os.path.exists(base))

# listdir of a descriptor that is not open: no filename
try:
    os.listdir(99999)
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
