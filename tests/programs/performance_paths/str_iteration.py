# `for ch in text`: ASCII characters, non-ASCII ones, first sightings of a
# character, an iterator shared between a loop and next(), exhaustion.
text = "héllo, wörld! 😀 ~\x7f\x00z"
print([ch for ch in text])
print([ord(ch) for ch in "abc\u20ac\U0001f600d"])
count = 0
for ch in "the quick brown fox jumps over the lazy dog" * 3:
    if "a" <= ch <= "m":
        count += 1
print(count)
it = iter("abcdef")
out = []
for ch in it:
    out.append(ch)
    if ch == "b":
        out.append(next(it))
print(out, list(it), next(it, "end"))
it = iter("xyé")
print(next(it), list(it), list(it))
for ch in "":
    print("never")
s = "".join(chr(c) for c in range(0x70, 0x90))
print([c for c in s if c.isalpha()], len([c for c in s]))
print(all(a is b for a, b in zip("aaaa", "aaaa")))
