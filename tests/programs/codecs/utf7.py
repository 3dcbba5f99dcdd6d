# UTF-7: direct characters, base64 shift sequences, errors, incremental decoding.
import codecs
allc = "".join(chr(i) for i in range(128))
print(allc.encode("utf-7"))
for t in ["Hi Mom -☺-!", "日本語", "A≢Α.", "+", "a+b-c", "~\\", "😀x", "\ud800x", "é-", "éa", "é.", "\udc00"]:
    e = t.encode("utf-7"); print(repr(t), e, e.decode("utf-7") == t)
for d in [b"+AGEAYgBj-", b"+AGE", b"+AG", b"+A", b"+", b"a+", b"+-", b"+!", b"\xff", b"+AGEA-", b"+AGF-", b"+2D3eAA-", b"+2D3", b"+2D0-", b"+2D0a", b"a\x80b", b"+ZeVnLIqe-x"]:
    for errors in ["strict", "replace"]:
        try: print(d, errors, repr(d.decode("utf-7", errors)))
        except UnicodeDecodeError as e: print(d, errors, e)
    for final in [False, True]:
        try: print("  ", codecs.utf_7_decode(d, "replace", final))
        except UnicodeDecodeError as e: print(e)
dec = codecs.getincrementaldecoder("utf-7")()
data = "Hi 日本😀 +x".encode("utf-7")
print([dec.decode(data[i:i+1]) for i in range(len(data))], dec.decode(b"", True))
