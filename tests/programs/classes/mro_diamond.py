# C3 linearisation for a diamond and a more complex hierarchy.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()

print([k.__name__ for k in D.__mro__])
print(D().who())
print(D.mro() == list(D.__mro__))

class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print([k.__name__ for k in Aa.__mro__])
