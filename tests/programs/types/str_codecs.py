# str.encode / bytes.decode with codecs and error handlers; UnicodeError messages and attributes.
s = "aé€😀\udc80"
for enc in ["utf-8", "ascii", "latin-1", "utf-16", "utf-16-be", "utf-32-le", "UTF8", "iso-8859-1"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape", "surrogatepass"]:
        try:
            print(enc, errors, s.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError:", e, e.start, e.end, repr(e.reason), e.encoding)
data = b"a\xc3\xa9\xff\xe2\x82\xac\xed\xa0\x80\xf0\x9f\x98"
for enc in ["utf-8", "ascii", "latin-1"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass"]:
        try:
            print(enc, errors, ascii(data.decode(enc, errors)))
        except UnicodeDecodeError as e:
            print(enc, errors, "UnicodeDecodeError:", e, e.start, e.end, e.object == data)
print("x".encode("utf-16"), b"\xff\xfex\x00".decode("utf-16"), b"\xfe\xff\x00x".decode("utf-16"), "😀".encode("utf-16-le"))
print(b"\x3d\xd8\x00\xde".decode("utf-16-le"), "é".encode("utf-8-sig"), b"\xef\xbb\xbfab".decode("utf-8-sig"))
for bad in [lambda: b"\x00\xdc".decode("utf-16-le"), lambda: b"a\x00\x00".decode("utf-16-le"),
            lambda: b"\x00\x00\x11\x00".decode("utf-32-le"), lambda: "x".encode("nope"),
            lambda: "é".encode("ascii", "nope"), lambda: b"x".decode(errors=5), lambda: str(b"x", "nope"),
            lambda: str("x", "utf-8"), lambda: str(1, "utf-8")]:
    try:
        bad()
    except (UnicodeError, LookupError, TypeError) as e:
        print(type(e).__name__, e)
print(str(b"caf\xc3\xa9", "utf-8"), str(bytearray(b"ab"), encoding="ascii"), str(b"\xff", "latin-1"), str(b"\xff", errors="replace"))
print(bytes("é", "utf-8"), bytearray("é", "latin-1"), "é".encode("latin1"), len("€".encode()))
print(b"ok \xff".decode("utf-8"))
