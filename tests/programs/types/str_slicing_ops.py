# str indexing, slicing, concatenation, repetition, comparison, membership.
s = "Hello, World"
print(s[0], s[-1], s[7:], s[:5], s[::2], s[::-1], s[-5:-1], s[100:], repr(s[5:2]))
print(s + "!", s * 2, "-" * 10, 3 * "ab")
print("World" in s, "world" in s, "" in s, s < "Help", "a" < "b" < "ba", "Z" < "a")
print(len(s), s.count("o"), list(s[:3]), sorted("cba"))
try:
    s[20]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[0] = "h"
except TypeError as e:
    print(type(e).__name__, e)
try:
    s["x"]
except TypeError as e:
    print(type(e).__name__, e)
print(min(s), max(s), "".join(reversed(s)))
print("\u00e9" == "e\u0301", len("e\u0301"), "ß" * 3)
