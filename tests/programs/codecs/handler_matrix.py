# Every text codec with every builtin error handler, one-shot and incremental,
# over texts and bytes that exercise their failure paths.
import codecs, _codecs
texts = ["abc", "aé€😀", "a\udc80b", "\ud800\udc00", "x\ud83dy", "\udcff", ""]
datas = [b"abc", b"a\xff\xfeb", b"\xed\xa0\x80", b"\xe2\x82", b"\xc3", b"\xff\xfe\x00\xd8", b"a\x00\xd8\x00\xdc", b"\x00\xd8a\x00", b"\xf0\x90\x80", b"\x80\x80", b"\x00\x00\x11\x00", b"\x00\xd8\x00\x00"]
encs = ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "ascii", "latin-1", "utf-8-sig", "cp1252", "utf-7", "unicode_escape", "raw_unicode_escape"]
handlers = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape", "surrogatepass"]
for e in encs:
    for h in handlers:
        for t in texts:
            try: r = repr(t.encode(e, h))
            except Exception as x: r = type(x).__name__ + ": " + str(x)
            print("E", e, h, ascii(t), r)
        for d in datas:
            try: r = ascii(d.decode(e, h))
            except Exception as x: r = type(x).__name__ + ": " + str(x)
            print("D", e, h, d, r)
            for final in (False, True):
                dec = codecs.getincrementaldecoder(e)(h)
                try: r = ascii(dec.decode(d, final))
                except Exception as x: r = type(x).__name__ + ": " + str(x)
                print("  I", final, r)
