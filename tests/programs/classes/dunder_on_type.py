# Special methods are looked up on the type, not the instance.
class C:
    def __len__(self):
        return 5
    def __repr__(self):
        return "C()"

c = C()
c.__len__ = lambda: 99
c.__repr__ = lambda: "instance repr"
print(len(c), c.__len__())
print(repr(c), c)

class Plain:
    pass
p = Plain()
p.__add__ = lambda other: "added"
try:
    p + 1
except TypeError as e:
    print(type(e).__name__, e)

Plain.__add__ = lambda self, other: f"class add {other}"
print(p + 1)
Plain.__len__ = lambda self: 7
print(len(p))
del Plain.__len__
try:
    len(p)
except TypeError as e:
    print(type(e).__name__, e)
