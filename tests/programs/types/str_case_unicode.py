# Unicode case mapping and character predicates.
words = ["straße", "ǆemal", "ﬁne", "İstanbul", "ΣΑΣ", "ὈΔΥΣΣΕΎΣ", "ᾳ", "ŉ", "Σ", "aΣ", "aΣb", "a.Σ", "ʼn"]
for w in words:
    print(w, w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold(), len(w.upper()))
print("hello wORLD 3rd-place o'neil".title(), "ǅ".istitle(), "Ǆ".isupper(), "ǆ".islower(), "ǅ".isupper())
print("ABC".isupper(), "ABc".isupper(), "123".isupper(), "A1".isupper(), "abc1".islower(), "".islower())
print("Hello World".istitle(), "Hello world".istitle(), "HeLLo".istitle(), "1A".istitle(), "A1b".istitle())
chars = "aZ9 \t\n\x0b\x1c\u00a0\u2003\u200b\u0660\u00b2\u00bd\u2167\u3007\u00aa\u02b0\u0301\uff10_é"
for c in chars:
    print(repr(c), c.isalpha(), c.isalnum(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace(),
          c.isprintable(), c.isidentifier(), c.islower(), c.isupper())
print("_x1".isidentifier(), "x y".isidentifier(), "ℕ".isidentifier(), "".isidentifier(), "1".isidentifier())
print("".isalpha(), "".isspace(), "".isprintable(), "".isascii(), "\x7f".isascii(), "\x80".isascii())
print("ß".upper().lower(), "ﬀ".casefold(), "ΣΊΣΥΦΟΣ".casefold(), "Ⅻ".lower(), "ⓐ".upper())
