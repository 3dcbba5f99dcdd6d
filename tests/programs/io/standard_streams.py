# sys.stdout and friends have the io base-class methods (writelines) and
# print to StringIO / redirect_stdout works.
import contextlib
import io
import sys

sys.stdout.writelines(["one\n", "two\n"])
print(isinstance(sys.stdout, io._io._TextIOBase), sys.stdout.writable(), sys.stdin.readable())
buf = io.StringIO()
print("a", 1, file=buf, end="!\n")
with contextlib.redirect_stdout(io.StringIO()) as out:
    print("captured")
    sys.stdout.write("more\n")
    sys.stdout.writelines(["x", "y\n"])
print(repr(buf.getvalue()), repr(out.getvalue()))
