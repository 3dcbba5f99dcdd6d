# property.__init__ sets the accessors: called again on an existing
# property, or by a subclass through super().__init__.
class C:
    @property
    def p(self):
        return 1


prop = C.__dict__["p"]
prop.__init__(lambda self: 2)
print(C().p, prop.fset, prop.__doc__)
prop.__init__(lambda self: 3, None, None, "doc3")
print(C().p, prop.__doc__)


class logged(property):
    def __init__(self, fget, *rest):
        print("logged.__init__", fget.__name__)
        super().__init__(fget, *rest)


class D:
    def get_x(self):
        "the x"
        return 10

    def set_x(self, value):
        print("set", value)

    x = logged(get_x, set_x)


d = D()
print(d.x, D.x.__doc__, type(D.x).__name__)
d.x = 5
empty = property.__new__(property)
print(empty.fget, empty.fset, empty.__doc__)
try:
    d2 = property(1, 2, 3, 4, 5)
except TypeError as e:
    print("TypeError", e)
try:
    property.__init__(1)
except TypeError as e:
    print("TypeError", e)
try:
    D().missing = property()
    print(property().__get__(D()))
except AttributeError as e:
    print("AttributeError", e)
