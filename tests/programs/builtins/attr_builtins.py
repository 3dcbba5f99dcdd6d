# getattr / setattr / hasattr / delattr.
class C:
    x = 1
c = C()
print(getattr(c, "x"), getattr(c, "y", "default"), hasattr(c, "x"), hasattr(c, "y"))
setattr(c, "y", 2)
print(c.y, vars(c))
delattr(c, "y")
print(hasattr(c, "y"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(c, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(c, 5)
except TypeError as e:
    print(type(e).__name__, e)
setattr(c, "with space", 1)
print(getattr(c, "with space"))
class Raises:
    @property
    def p(self):
        raise ValueError("property failed")
try:
    hasattr(Raises(), "p")
except ValueError as e:
    print("hasattr propagates non-AttributeError:", e)
print(getattr(5, "real"), getattr("s", "upper")())
