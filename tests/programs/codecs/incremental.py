# Incremental decoders and encoders: a truncated sequence at the end of a
# chunk waits for the next one.
import codecs

text = "aé€😀z"
for encoding in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                 "utf-32-be", "latin-1", "ascii", "cp1252", "utf-8-sig", "unicode_escape",
                 "raw_unicode_escape"]:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = "abz".encode(encoding)
    decoder = codecs.getincrementaldecoder(encoding)()
    pieces = [decoder.decode(data[i:i + 1]) for i in range(len(data))]
    pieces.append(decoder.decode(b"", final=True))
    print(encoding, data, pieces)
    encoder = codecs.getincrementalencoder(encoding)()
    print(" ", b"".join(encoder.encode(ch) for ch in "ab") + encoder.encode("", final=True))

decoder = codecs.getincrementaldecoder("utf-8")()
print(repr(decoder.decode(b"\xe2\x82")), decoder.getstate())
try:
    decoder.decode(b"", final=True)
except UnicodeDecodeError as e:
    print(e)
decoder.reset()
print(repr(decoder.decode(b"ok")))

decoder = codecs.getincrementaldecoder("utf-16")()
print(repr(decoder.decode(b"\xff")), repr(decoder.decode(b"\xfea")), repr(decoder.decode(b"\x00")))
decoder = codecs.getincrementaldecoder("utf-16")()
try:
    decoder.decode(b"a\x00", final=True)
except UnicodeDecodeError as e:
    print(e)
print(codecs.getdecoder("utf-8")(b"abc"), codecs.getencoder("latin-1")("abc"))
print(list(codecs.iterdecode([b"a\xc3", b"\xa9b"], "utf-8")))
print(list(codecs.iterencode(["a", "é"], "utf-16-le")))
try:
    codecs.getincrementaldecoder("utf-8")(errors="strict").decode(b"\xff")
except UnicodeDecodeError as e:
    print(e)
