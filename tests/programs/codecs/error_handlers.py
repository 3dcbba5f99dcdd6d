# Error handlers: the builtin ones as functions, and handlers registered
# from Python that str.encode / bytes.decode and the codecs call.
import codecs
import _codecs

for name in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
             "namereplace", "surrogateescape", "surrogatepass"]:
    print(name, codecs.lookup_error(name).__name__)
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print("LookupError:", e)

enc = UnicodeEncodeError("ascii", "aé€b", 1, 3, "ordinal not in range(128)")
dec = UnicodeDecodeError("utf-8", b"a\xff\xfeb", 1, 3, "invalid start byte")
tr = UnicodeTranslateError("aé€b", 1, 3, "no mapping")
for name in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace"]:
    handler = codecs.lookup_error(name)
    for exc in (enc, dec, tr):
        try:
            print(name, type(exc).__name__, handler(exc))
        except TypeError as e:
            print(name, type(exc).__name__, "TypeError:", e)
try:
    codecs.strict_errors(enc)
except UnicodeEncodeError as e:
    print("strict raised", e)
try:
    codecs.strict_errors("x")
except TypeError as e:
    print("TypeError:", e)
try:
    codecs.ignore_errors(ValueError("x"))
except TypeError as e:
    print("TypeError:", e)
print(codecs.lookup_error("surrogateescape")(UnicodeDecodeError("utf-8", b"a\xff\xfe", 1, 3, "x")))
print(codecs.lookup_error("surrogateescape")(UnicodeEncodeError("ascii", "a\udcff", 1, 2, "x")))
print(codecs.lookup_error("surrogatepass")(UnicodeEncodeError("utf-8", "a\ud800", 1, 2, "x")))
print(codecs.lookup_error("surrogatepass")(UnicodeDecodeError("utf-16-le", b"\x00\xd8", 0, 2, "x")))

def question(exc):
    print("  handler got", type(exc).__name__, exc.start, exc.end, repr(exc.reason))
    if isinstance(exc, UnicodeEncodeError):
        return ("?" * (exc.end - exc.start), exc.end)
    return ("<%d>" % (exc.end - exc.start), exc.end)

codecs.register_error("question", question)
print(codecs.lookup_error("question") is question)
print("aé€b".encode("ascii", "question"))
print("aé€b".encode("latin-1", "question"))
print("a\ud800b".encode("utf-8", "question"))
print(b"a\xff\xfeb".decode("utf-8", "question"))
print(b"a\xff\xfeb".decode("ascii", "question"))
print("aé€b".encode("cp1252", "question"))
print(b"a\x81b".decode("cp1252", "question"))
print(codecs.charmap_encode("a\u0100", "question", codecs.charmap_build("a?")))

codecs.register_error("bytes_back", lambda exc: (b"<>", exc.end))
print("aé".encode("ascii", "bytes_back"))
codecs.register_error("skip_back", lambda exc: ("", -1))
print("aéb".encode("ascii", "skip_back"))
codecs.register_error("restart", lambda exc: ("X", 0) if exc.start == 1 and exc.object[0] == "a" else ("Y", exc.end))
print(b"a\xffb".decode("ascii", "restart"))

for name, handler in [("bad_shape", lambda exc: "nope"), ("bad_pos", lambda exc: ("", 100)),
                      ("bad_type", lambda exc: (1, exc.end)), ("unencodable", lambda exc: ("é", exc.end))]:
    codecs.register_error(name, handler)
    for f in (lambda: "aé".encode("ascii", name), lambda: b"a\xff".decode("ascii", name)):
        try:
            print(f())
        except Exception as e:
            print(name, type(e).__name__, e)

try:
    codecs.register_error("x", 42)
except TypeError as e:
    print("TypeError:", e)
print(_codecs._unregister_error("question"), _codecs._unregister_error("question"))
try:
    _codecs._unregister_error("strict")
except ValueError as e:
    print("ValueError:", e)
try:
    "é".encode("ascii", "question")
except LookupError as e:
    print("LookupError:", e)
print("abc".encode("ascii", "nonexistent"))
