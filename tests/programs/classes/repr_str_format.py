# __repr__, __str__ and __format__ and where each one is used.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents / 100:.2f}"
    def __format__(self, spec):
        if spec == "cents":
            return f"{self.cents}c"
        return format(str(self), spec)

m = Money(1234)
print(m)
print(repr(m), str(m))
print([m, m])
print(f"{m}|{m!r}|{m!s}|{m:cents}|{m:>10}|")
print("{} {!r} {:cents}".format(m, m, m))
print(format(m, "<9") + "|")

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()))

class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(OnlyRepr(), "x")
except TypeError as e:
    print(type(e).__name__, e)
