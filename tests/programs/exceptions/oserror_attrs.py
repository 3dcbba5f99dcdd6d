# OSError subclasses selected by errno, and their attributes.
import errno
e = OSError(errno.ENOENT, "No such file or directory", "missing.txt")
print(type(e).__name__, e.errno == errno.ENOENT, e.strerror, e.filename)
print(str(e))
try:
    open("definitely_missing_file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.filename, e.strerror)
    print(str(e))
print(type(OSError(errno.EACCES, "denied")).__name__)
print(type(OSError(errno.EEXIST, "exists")).__name__)
print(type(OSError("plain")).__name__, OSError("plain").errno)
print(OSError(1, 2, 3, 4, 5).args)
