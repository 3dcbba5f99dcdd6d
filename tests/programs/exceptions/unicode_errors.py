# UnicodeDecodeError / UnicodeEncodeError messages and attributes.
try:
    b"abc\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
    print(e.encoding, e.start, e.end, e.reason, e.object)
try:
    "caf\u00e9".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
    print(e.start, e.end, e.reason)
print(b"abc\xff".decode("utf-8", errors="replace"))
print("caf\u00e9".encode("ascii", errors="ignore"))
print("caf\u00e9".encode("ascii", errors="backslashreplace"))
try:
    b"x".decode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
