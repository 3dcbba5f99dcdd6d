# What object provides: default __eq__, __ne__, __str__ via __repr__, __init_subclass__.
class C:
    pass

a, b = C(), C()
print(a == a, a == b, a != b, a is not b)
print(a.__eq__(b), a.__ne__(b))
print(type(a).__repr__ is object.__repr__)
try:
    a < b
except TypeError as e:
    print(type(e).__name__, e)
print(C.__init__ is object.__init__)
try:
    C(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
print(object.__name__, object.__bases__, C.__bases__)
print(C.__class__.__name__, a.__class__.__name__)
print(a.__reduce_ex__ is not None)
