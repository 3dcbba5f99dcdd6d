# Table-driven 8-bit codecs of the encodings package.
import codecs

text = "Grüße, €uro — «ok» ©"
for encoding in ["cp1252", "iso8859-15", "mac_roman", "cp850", "cp437", "koi8-r", "iso8859_2", "cp1251"]:
    try:
        data = text.encode(encoding)
        print(encoding, data, data.decode(encoding) == text)
    except UnicodeEncodeError as e:
        print(encoding, "UnicodeEncodeError:", e)
        print("  ", text.encode(encoding, "replace"), text.encode(encoding, "xmlcharrefreplace"))
        print("  ", text.encode(encoding, "backslashreplace"), text.encode(encoding, "ignore"))
print("Привет".encode("koi8-r"), b"\xf0\xd2\xc9\xd7\xc5\xd4".decode("koi8-r"))
try:
    b"a\x81\x8d".decode("cp1252")
except UnicodeDecodeError as e:
    print(e)
print(b"a\x81\x8d".decode("cp1252", "replace"), b"a\x81\x8d".decode("cp1252", "ignore"))
print(b"a\x81\x8d".decode("cp1252", "backslashreplace"))
try:
    "\u0100\u0101x\u0102".encode("cp1252")
except UnicodeEncodeError as e:
    print(e, e.start, e.end)

print(codecs.charmap_decode(b"\x00\x01\x02", "strict", "xyz"))
print(codecs.charmap_decode(b"\x00\x01\x02", "strict", {0: "A", 1: 66, 2: "cc"}))
print(codecs.charmap_decode(b"\x00\x03", "replace", "ab"))
print(codecs.charmap_decode(b"ab"))
for mapping in [{0: 0x110000}, {0: 1.5}, {0: None}, "\ufffe"]:
    try:
        print(codecs.charmap_decode(b"\x00", "strict", mapping))
    except (TypeError, UnicodeDecodeError) as e:
        print(type(e).__name__, e)
table = codecs.charmap_build("abc")
print(table)
print(codecs.charmap_encode("abca", "strict", table), codecs.charmap_encode("aé"))
print(codecs.charmap_encode("ab", "strict", {97: b"AA", 98: 66}))
for mapping in [{97: 256}, {97: "x"}, {}]:
    try:
        print(codecs.charmap_encode("a", "strict", mapping))
    except (TypeError, UnicodeEncodeError) as e:
        print(type(e).__name__, e)
print(codecs.charmap_encode("a?z", "replace", {97: 1, 63: 2}))
try:
    codecs.charmap_encode("az", "replace", {97: 1})
except UnicodeEncodeError as e:
    print(e)
print(codecs.lookup("cp1252").incrementaldecoder().decode(b"\x80"))
