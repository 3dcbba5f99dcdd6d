# printf-style formatting of str and bytes.
print("%s|%r|%a|%5s|%-5s|%.2s" % ("é", "é", "é", "ab", "ab", "xyz"))
print("%d|%i|%u|%5d|%-5d|%05d|%+d|% d|%.3d|%x|%X|%#x|%#X|%o|%#o" % (7, -7, 7, 42, 42, -42, 5, 5, 7, 255, 255, 255, 255, 8, 8))
print("%f|%.2f|%10.3f|%-10.1f|%+.1e|%E|%g|%#g|%%|%c|%c" % (1.5, 2.345, 3.14159, 2.5, 12345.678, 0.5, 1e-5, 2.0, 65, "z"))
print("%(a)s %(b)05.1f %(a)r" % {"a": "x", "b": 2.25}, "%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%s" % (1,), "%s" % [1, 2], "%s %s" % ("a", "b"), "abc" % (), "abc" % {}, "%d%%" % 50)
print("%x" % 3.0 if False else "%d" % 3.99, "%s" % None, "%d" % True, "%.0f" % 0.5, "%.0f" % 1.5, "%5.1f%%" % 99.55)
for template, value in [("%d", "x"), ("%x", 1.5), ("%f", "x"), ("%c", "ab"), ("%c", 0x110000), ("%s %s", (1,)),
                        ("%s", (1, 2)), ("%(a)s", (1,)), ("%(a", {"a": 1}), ("%", ()), ("%z", 1), ("%5%", (1,)),
                        ("%*d", ("x", 1)), ("%(x)s", {})]:
    try:
        print(repr(template % value))
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(template, type(e).__name__, e)
print(b"%s-%d-%x-%c-%c-%r" % (b"ab", 5, 255, 65, b"B", "q"), b"%5s|%-4b|" % (b"x", bytearray(b"y")))
print(bytearray(b"%d") % 5, b"%(k)s" % {b"k": b"v"}, b"%a" % "é")
for template, value in [(b"%s", "x"), (b"%c", 256), (b"%c", "a"), (b"%d", b"1")]:
    try:
        print(template % value)
    except (TypeError, OverflowError) as e:
        print(template, type(e).__name__, e)
