# str.format and the % operator.
print("{} + {} = {}".format(1, 2, 3), "{1} {0} {1}".format("a", "b"), "{name}!".format(name="x"))
print("{0[1]} {0[key]}".format({1: "one", "key": "val"}) if False else "{0[0]} {1[k]}".format([9], {"k": 8}))
class P:
    x = 3
print("{p.x} {p.__class__.__name__}".format(p=P()))
print("{:>6}|{:<6}|{:^6}|".format("a", "b", "c"), "{:{w}.{p}f}".format(3.14159, w=8, p=2))
print("{{literal}} {}".format(5), "{!r} {!s} {!a}".format("q", "q", "é"))
print("%s is %d years, %.2f%%" % ("Ann", 30, 12.345), "%5s|%-5s|" % ("r", "l"), "%x %o %e" % (255, 8, 1234.5))
print("%(a)s-%(b)s" % {"a": 1, "b": 2}, "%c%c" % (72, "i"), "%r" % "s", "%03d" % 7)
try:
    "{} {}".format(1)
except IndexError as e:
    print(type(e).__name__, e)
try:
    "{x}".format()
except KeyError as e:
    print(type(e).__name__, e)
try:
    "%d" % "s"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%s %s" % (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
