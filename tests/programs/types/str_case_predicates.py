# str case conversions and predicates.
s = "hello World ß"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("abc".isalpha(), "abc1".isalnum(), "123".isdigit(), "١٢".isdecimal(), "½".isnumeric())
print(" \t".isspace(), "".isspace(), "Title Case".istitle(), "UP".isupper(), "low".islower())
print("ident_1".isidentifier(), "1x".isidentifier(), "abc".isascii(), "é".isascii(), "a\tb".isprintable())
print("hello".center(11, "*"), "hi".ljust(5, ".") + "|", "hi".rjust(5) + "|", "42".zfill(5), "-42".zfill(5))
print("a\tbc\td".expandtabs(4), "ß".upper(), "İ".lower().encode("utf-8"))
print("ǅungla".istitle(), "ǆ".upper(), "ǆ".title(), "ﬁ".upper(), len("ﬁ".upper()))
print("Σίσυφος".upper(), "ΣΊΣΥΦΟΣ".lower())
print("123abc".upper(), "mixed CASE words".title(), "they're bill's".title())
