# str.encode / bytes.decode with various codecs.
s = "héllo wörld €"
for enc in ("utf-8", "utf-16-le", "latin-1"):
    try:
        b = s.encode(enc)
        print(enc, len(b), b[:8], b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, type(e).__name__, e)
print(s.encode("ascii", "replace"), s.encode("ascii", "xmlcharrefreplace"))
print("abc".encode(), "€".encode("utf-8").hex(), bytes.fromhex("e282ac").decode())
print(b"\xe2\x82".decode("utf-8", "replace"), b"\xe2\x82".decode("utf-8", "ignore") == "")
print("😀".encode("utf-8"), len("😀"), len("😀".encode("utf-16-le")))
