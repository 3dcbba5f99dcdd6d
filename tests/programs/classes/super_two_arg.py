# Two-argument super(type, obj) skipping classes in the MRO, and super objects.
class A:
    def f(self):
        return "A.f"
class B(A):
    def f(self):
        return "B.f"
class C(B):
    def f(self):
        return "C.f"

c = C()
print(super(C, c).f())
print(super(B, c).f())
try:
    super(A, c).f()
except AttributeError as e:
    print(type(e).__name__, e)
try:
    super(C, 5)
except TypeError as e:
    print(type(e).__name__, e)

class M:
    @classmethod
    def name(cls):
        return "M:" + cls.__name__
class N(M):
    @classmethod
    def name(cls):
        return "N+" + super(N, cls).name()
print(N.name())
print(super(C, c).__self__ is c, super(C, c).__thisclass__.__name__)

def outside():
    super().f()
try:
    outside()
except RuntimeError as e:
    print(type(e).__name__, e)
