# repr of builtin values: strings with quotes/escapes, containers, nesting.
print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\tnewline\nbackslash\\"), repr("\x00\x7f\u00e9\u4e2d\U0001f600"))
print(repr(b"bytes'\x00\xff"), repr(bytearray(b"ab")))
print(repr(1), repr(-1.5), repr(1e100), repr(True), repr(None))
print(repr([1, "a", (2,), {3: "x"}, {4}]))
print(repr(()), repr((1,)), repr([]), repr({}), repr(set()), repr(frozenset()))
print(repr(frozenset({1})), repr(range(3)), repr(slice(1, 2)))
print(repr(complex(1, -2)), repr(1j), repr(-0j))
print(ascii("caf\u00e9 \u4e2d"), ascii([1, "\u00ff"]))
print(repr(int), repr(len), repr(type(None)))
print(repr(NotImplemented), repr(Ellipsis), repr(...))
d = {"key": [1, {"nested": (None, True)}]}
print(repr(d), str(d) == repr(d))
