# super() attribute and method loads through LOAD_SUPER_ATTR
class A:
    x = "A.x"
    def __init__(self, v):
        self.v = v
    def m(self, k=1):
        return ("A.m", type(self).__name__, k)
    @classmethod
    def cm(cls, k=0):
        return ("A.cm", cls.__name__, k)
    @staticmethod
    def sm(k):
        return ("A.sm", k)
    @property
    def p(self):
        return ("A.p", self.v)

class B(A):
    x = "B.x"
    def __init__(self, v):
        super().__init__(v * 2)
    def m(self, k=1):
        return ("B", super().m(k), super(B, self).m(k + 1))
    def attrs(self):
        return super().x, super(B, self).x, super().p, super().cm(5), super().sm(6)
    def bound(self):
        f = super().m
        g = super(B, self).cm
        return f(9), g(8), type(f).__name__
    @classmethod
    def cm(cls, k=0):
        return ("B.cm", super().cm(k), super(B, cls).cm(k + 1), super().x)
    @staticmethod
    def sm2():
        return super(B, B).sm(3)

b = B(21)
print(b.v)
print(b.m())
print(b.attrs())
print(b.bound())
print(B.cm(2))
print(B.sm2())

# multiple inheritance: MRO order
class Base:
    def who(self):
        return ["Base"]
class L(Base):
    def who(self):
        return ["L"] + super().who()
class R(Base):
    def who(self):
        return ["R"] + super().who()
class D(L, R):
    def who(self):
        return ["D"] + super().who()
print(D().who(), [c.__name__ for c in D.__mro__])
print(super(L, D()).who())

# builtin methods reached through super
class MyList(list):
    def append(self, x):
        super().append(x * 10)
    def __len__(self):
        return super().__len__() + 100
ml = MyList()
ml.append(1)
ml.append(2)
print(ml, len(ml))

class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, str(v))
    def get(self, k, d=None):
        return ("got", super().get(k, d))
md = MyDict()
md["a"] = 1
print(md, md.get("a"), md.get("zz", 0))

# __init_subclass__ and __new__ through super
class Reg:
    seen = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Reg.seen.append(cls.__name__)
class R1(Reg): pass
class R2(R1): pass
print(Reg.seen)

class N:
    def __new__(cls, *a):
        inst = super().__new__(cls)
        inst.args = a
        return inst
print(N(1, 2).args)

# super().__class__ is not optimized: the super object's class
class C(A):
    def cls(self):
        return super().__class__, type(super()).__name__
print(C(1).cls())

# attributes that are missing
class E(A):
    def missing(self):
        return super().nope
    def missing_m(self):
        return super().nope()
    def own(self):
        return super().__thisclass__, super().__self_class__
for name in ("missing", "missing_m"):
    try:
        getattr(E(1), name)()
    except AttributeError as e:
        print("AttributeError:", e)
print(E(1).own())
