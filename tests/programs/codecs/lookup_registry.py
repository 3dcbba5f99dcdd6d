# The codec registry: lookup, name normalisation, search functions.
import codecs
import _codecs

info = codecs.lookup("UTF-8")
print(info.name, type(info).__name__, isinstance(info, tuple), len(info))
print(info.encode("é"), info.decode(b"\xc3\xa9"))
for name in ["latin-1", "L1", "Latin_1", "iso8859-1", "cp1252", "windows-1252",
             "koi8-r", "utf-16", "UTF-16LE", "u8", "ascii", "US-ASCII", "mac-roman"]:
    print(repr(name), "->", codecs.lookup(name).name)

seen = []
def search(name):
    seen.append(name)
    if name == "my_codec":
        return codecs.CodecInfo(lambda s, errors="strict": (s.upper().encode("ascii"), len(s)),
                                lambda b, errors="strict": (bytes(b).decode("ascii").lower(), len(b)),
                                name="my-codec")
    if name == "not_a_tuple":
        return 42
    if name == "short_tuple":
        return (1, 2)
    if name == "binary_codec":
        return codecs.CodecInfo(lambda s, errors="strict": (b"x", 1),
                                lambda b, errors="strict": ("x", 1),
                                name="binary-codec", _is_text_encoding=False)
    return None

codecs.register(search)
for name in ["My Codec", "my-codec", "MY_CODEC", "  my..codec ", "Foo-Bar Baz", "ÄBC x", "a\tb"]:
    try:
        print(repr(name), codecs.lookup(name).name)
    except LookupError as e:
        print(repr(name), "LookupError:", e)
print(seen)
print("abc".encode("my-codec"), b"ABC".decode("my codec"))
print(codecs.encode("abc", "my_codec"), codecs.decode(b"XYZ", "my_codec"))
print(str(b"HeLLo", "my-codec"), bytes("hey", "my-codec"))

for name in ["not_a_tuple", "short_tuple"]:
    try:
        codecs.lookup(name)
    except TypeError as e:
        print("TypeError:", e)
try:
    "x".encode("binary_codec")
except LookupError as e:
    print("LookupError:", e)
try:
    b"x".decode("binary_codec")
except LookupError as e:
    print("LookupError:", e)
print(codecs.encode("q", "binary_codec"), codecs.decode(b"q", "binary_codec"))

for bad in ["no-such-encoding", "a\0b"]:
    for f in (codecs.lookup, lambda n: "x".encode(n), lambda n: b"x".decode(n),
              lambda n: str(b"x", n), lambda n: bytes("x", n)):
        try:
            f(bad)
        except (LookupError, ValueError) as e:
            print(type(e).__name__, e)

try:
    codecs.register(42)
except TypeError as e:
    print("TypeError:", e)
try:
    codecs.lookup(42)
except TypeError as e:
    print("TypeError:", e)

codecs.unregister(search)
codecs.unregister(search)
try:
    codecs.lookup("my_codec")
except LookupError as e:
    print("after unregister:", e)

def failing(name):
    if name == "boom":
        raise RuntimeError("search failed")
codecs.register(failing)
try:
    codecs.lookup("boom")
except RuntimeError as e:
    print("RuntimeError:", e)
print(_codecs.lookup("utf-8") is codecs.lookup("utf_8"))
import _codecs
for f, a in [(_codecs.lookup_error, (1,)), (_codecs.register_error, (1, print)), (_codecs._unregister_error, (1,)), (_codecs.encode, ("x", 1)), (_codecs.encode, ("x", "utf-8", 1)), (_codecs.decode, (b"x", 1))]:
    try: f(*a)
    except TypeError as e: print(e)

import warnings
def bytearray_codec(name):
    if name == "ba_codec":
        return codecs.CodecInfo(lambda s, errors="strict": (bytearray(b"xy"), 1),
                                lambda b, errors="strict": ("1", 2), name="ba-codec")
codecs.register(bytearray_codec)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("x".encode("ba_codec"), bytes("x", "ba_codec"), codecs.encode("x", "ba_codec"))
for w in caught:
    print(w.category.__name__, w.message)
