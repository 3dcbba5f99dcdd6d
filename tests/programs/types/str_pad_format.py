# str padding, str.format and format_map edge cases.
print(repr("abc".center(8)), repr("abc".center(9, "é")), repr("ab".center(5)), repr("ab".center(6, "*")))
print(repr("x".ljust(4, "-")), repr("x".rjust(0)), repr("-7".zfill(4)), repr("+x".zfill(4)), repr("".zfill(3)))
print(repr("a\tbc\td\n\txy\r\tz".expandtabs()), repr("\t".expandtabs(0)), repr("ab\tc".expandtabs(tabsize=3)))
for bad in [lambda: "a".center(5, "ab"), lambda: "a".ljust(5, 1), lambda: "a".zfill("3")]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print("{0}{1}{0}".format("a", "b"), "{:*^9}".format("mid"), "{!r:>8}".format("q"), "{0!s:.2}".format("xyz"))
print("{a[0]}{a[1]} {b.imag}".format(a="hi", b=3j) if False else "{a[0]}{a[1]}".format(a="hi"), "{0[x]}".format({"x": 1}), "{:{fill}>{w}}".format(7, fill="0", w=3))
print("{:>10}".format("é"), "{:^7.3}".format("abcdef"), "{:<5}|".format("ab"), "{}".format(None), "{:}".format(1.5))
print("{0:x} {0:#o} {0:,} {1:.3f} {1:e} {2:%}".format(255, 3.14159, 0.25))
print("{{}} {{{0}}}".format(1), "{}{{".format("a"), "x{}y".format(""), "{0}".format([1, 2]))
class C:
    def __format__(self, spec):
        return "C<" + spec + ">"
print("{:abc}".format(C()), "{}".format(C()), format(C(), "z"), "{0.__class__.__name__}".format(C()))
print("{name} is {age}".format_map({"name": "Ann", "age": 3}))
for template, args, kwargs in [("{", (), {}), ("}", (), {}), ("{0", (1,), {}), ("{!}", (1,), {}), ("{0!z}", (1,), {}),
                               ("{0:{1:{2}}}", (1, 2, 3), {}), ("{}{0}", (1,), {}), ("{0}{}", (1,), {}),
                               ("{0.}", (1,), {}), ("{0[}", (1,), {}), ("{x}", (), {}), ("{2}", (1,), {}),
                               ("{0[0]x}", ([1],), {}), ("{:d}", ("s",), {}), ("{a.b}", (), {"a": 1})]:
    try:
        print(repr(template.format(*args, **kwargs)))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(template, type(e).__name__, e)
try:
    "{}".format_map({})
except ValueError as e:
    print(type(e).__name__, e)
