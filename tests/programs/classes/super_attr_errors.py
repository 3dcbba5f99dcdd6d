# super forms that are not LOAD_SUPER_ATTR, shadowed super, and errors
import builtins

class A:
    def m(self):
        return "A.m"
    x = "A.x"

class B(A):
    def m(self):
        return "B.m"
    # nested function: no __class__ cell in reach of a first argument
    def nested(self):
        def inner():
            return super().m()
        try:
            return inner()
        except RuntimeError as e:
            return "RuntimeError: " + str(e)
    def nested_arg(self):
        def inner(z):
            return super().m()
        try:
            return inner(1)
        except TypeError as e:
            return "TypeError: " + str(e)
    def lam(self):
        return (lambda: super().m())
    def lam_arg(self):
        return (lambda s: super().m())(self)
    def comp(self):
        return [super().m() for _ in range(2)]
    def genexp(self):
        try:
            return list(super().m() for _ in range(2))
        except TypeError as e:
            return "TypeError: " + str(e)
    def cell_self(self):
        def keep():
            return self
        return super().m(), keep() is self
    def star(*args):
        return super().m()
    def kwonly(*, a):
        return super().m()
    def two_kw(self):
        return super(B, self, **{}).m()
    def one(self):
        return super(B).m
    def starred(self):
        return super(*(B, self)).m()
    def wrong_type(self):
        return super(A, 5).m()
    def not_type(self):
        return super(5, self).m()
    def not_type_m(self):
        return super(5, self).x
    def type_not_sub(self):
        return super(B, int).m
    def reassigned(self):
        __class__ = A
        return super().m()
    def first_deleted(self):
        del self
        return super().m()

b = B()
print(b.nested())
print(b.nested_arg())
try:
    b.lam()()
except RuntimeError as e:
    print("RuntimeError:", e)
print(b.lam_arg())
print(b.comp())
print(b.genexp())
print(b.cell_self())
try:
    b.star()
except RuntimeError as e:
    print("RuntimeError:", e)
for name in ("kwonly",):
    try:
        getattr(B, name)(a=1)
    except RuntimeError as e:
        print("RuntimeError:", e)
for name in ("two_kw", "starred", "wrong_type", "not_type", "not_type_m", "type_not_sub", "reassigned", "first_deleted"):
    try:
        print(name, getattr(b, name)())
    except (TypeError, RuntimeError, NameError, UnboundLocalError, AttributeError) as e:
        print(name, type(e).__name__ + ":", e)

# super shadowed by a global: the global is called
class C(A):
    def m(self):
        return super().m()
    def m2(self):
        return super(C, self).x

real_super = builtins.super
def fake_super(*args):
    print("fake_super called with", len(args), "args")
    return real_super(C, args[1] if args else c)
c = C()
builtins.super = fake_super
try:
    print(c.m(), c.m2())
finally:
    builtins.super = real_super
print(c.m(), c.m2())

# a local named super
class L(A):
    def m(self):
        super = lambda *a: A()
        return super().m()
print(L().m())

# the __class__ cell before the class exists
class Early(A):
    def m(self):
        return super().m()
    try:
        m(1)
    except Exception as e:
        print(type(e).__name__ + ":", e)

# super outside any class
def loose(self):
    return super().m()
try:
    loose(1)
except RuntimeError as e:
    print("RuntimeError:", e)

# a property that raises, reached through super
class P:
    @property
    def bad(self):
        raise ValueError("bad property")
class Q(P):
    def get(self):
        return super().bad
try:
    Q().get()
except ValueError as e:
    print("ValueError:", e)

# __getattribute__ overridden on the instance's class: method load binds
class G(A):
    def __getattribute__(self, name):
        return object.__getattribute__(self, name)
    def m(self):
        f = super().m
        return super().m(), f()
print(G().m())

class Final(A):
    def go(self):
        return super().undefined_method(1)
Final().go()
