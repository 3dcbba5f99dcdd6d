# Text of every length and kind behaves the same, whether it is stored
# inside the str object (short) or in a separate block (long, non-ASCII,
# with surrogates), and around the boundary between the two.
samples = []
for n in range(0, 20):
    samples.append("a" * n)
    samples.append("é" * n)
    samples.append("x" * n + "€")
samples.append("héllo wörld " * 30)
samples.append("\udc80" + "abc" * 5)
samples.append("𝄞" * 3)

for s in samples:
    built = "".join(list(s))
    assert built == s and hash(built) == hash(s), repr(s)
    assert s == s[:] and s[::-1][::-1] == s
    assert len(s) == sum(1 for _ in s)
    if s:
        assert s[len(s) - 1] == s[-1] and s[0] == list(s)[0]
print("round trips ok", len(samples))

long = "héllo wörld " * 30
print(len(long), long[0], long[200], long[-1] == " ", long[130:141])
print(long.find("wörld", 300), long.count("ö"), long.index("h", 10))
print(sorted({"ab", "é" * 9, "abcdefgh", "abcdefghi"}))
print("é" * 9 < "é" * 10, "abcdefgh" < "abcdefghi", "nine char" == "nine " + "char")
print(repr("\udc80" + "abc" * 5), ("\udc80" + "x" * 9).encode("utf-8", "surrogatepass"))

# Iterating a str yields its characters one at a time.
it = iter("héllo")
print(next(it), next(it), list(it), list(it))
text = "ab" * 5
chars = []
for ch in text:
    chars.append(ch)
print(chars, "".join(reversed("€ab")))
try:
    next(iter(""))
except StopIteration:
    print("empty iterator stops")

# One-character strings below U+0100 are shared, as in CPython.
s = "abcabc"
print(s[0] is s[3], list("aa")[0] is list("aa")[1])

# Lists grown by append and extend keep every item.
items = []
for i in range(1000):
    items.append(i)
items.extend(range(5))
items += [7, 8]
print(len(items), items[:3], items[-7:], sum(items))

# __slots__ values.
class P:
    __slots__ = ("x", "y", "z")

p = P()
p.z = 3
print(p.z)
try:
    p.x
except AttributeError as e:
    print(e)
p.x = p.y = 1
print(p.x + p.y + p.z)
del p.y
try:
    print(p.y)
except AttributeError as e:
    print(e)
