# Builtin exception families: their constructors, attributes and str().
e = OSError(2, "No such file or directory", "missing.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.args, str(e))
e = OSError(13, "Permission denied", "a", None, "b")
print(type(e).__name__, str(e), e.filename2)
print(type(OSError(17, "exists")).__name__, str(OSError(17, "exists")), OSError("plain").errno)
print(type(OSError(999, "unknown")).__name__, str(OSError()), repr(OSError(1, 2, 3)))
b = BlockingIOError(11, "would block", 5)
print(b.characters_written, b.filename)
try:
    BlockingIOError(11, "x").characters_written
except AttributeError as err:
    print(type(err).__name__, err)

s = SyntaxError("bad syntax", ("prog.py", 3, 5, "x = = 1\n", 3, 8))
print(s.msg, s.filename, s.lineno, s.offset, repr(s.text), s.end_lineno, s.end_offset, str(s))
print(str(SyntaxError("only message")), SyntaxError().msg, IndentationError("i", ("f", 1, 1, "t")).lineno)

u = UnicodeDecodeError("utf-8", b"ab\xff", 2, 3, "invalid start byte")
print(u.encoding, u.object, u.start, u.end, u.reason, str(u))
u = UnicodeDecodeError("utf-8", b"abcd", 1, 3, "bad")
print(str(u))
u = UnicodeEncodeError("ascii", "caf\xe9\u20ac", 3, 4, "ordinal not in range(128)")
print(str(u), str(UnicodeEncodeError("ascii", "x\u20acy", 1, 2, "r")), str(UnicodeEncodeError("ascii", "ab", 0, 2, "r")))
try:
    UnicodeDecodeError("utf-8")
except TypeError as err:
    print(type(err).__name__, err)

print(StopIteration().value, StopIteration(1, 2).value, SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code)
print(str(KeyError("k")), str(KeyError()), str(KeyError(1, 2)), repr(KeyError("k")))
a = AttributeError("msg", name="attr", obj=5)
n = NameError("msg", name="nm")
i = ImportError("no module", name="mod", path="/p")
print(a.name, a.obj, n.name, i.name, i.path, i.msg, str(i), ImportError().msg)
try:
    ValueError(x=1)
except TypeError as err:
    print(type(err).__name__, err)
try:
    AttributeError(bad=1)
except TypeError as err:
    print(type(err).__name__, err)

err = ValueError("v")
print(err.with_traceback(None) is err, err.__traceback__, err.__cause__, err.__context__, err.__suppress_context__)
err.__cause__ = KeyError("c")
print(err.__suppress_context__, repr(err.__cause__))
for attr, value in [("__cause__", 5), ("__context__", "x"), ("__traceback__", 1), ("__suppress_context__", 1)]:
    try:
        setattr(err, attr, value)
    except TypeError as e2:
        print(attr, e2)
err.args = [1, 2]
print(err.args, str(err))
err.add_note("first")
err.__notes__.append("second")
print(err.__notes__)
err.__notes__ = "not a list"
try:
    err.add_note("third")
except TypeError as e2:
    print(type(e2).__name__, e2)
print(IOError is OSError, issubclass(ExceptionGroup, Exception), ExceptionGroup.__mro__)
