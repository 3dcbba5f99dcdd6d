# Subclasses of super: instances are super objects of the subclass; an
# overridden __getattribute__ reaches super's own with super().


class MySuper(super):
    def __getattribute__(self, name):
        if name == "greet":
            return lambda: "intercepted"
        return super().__getattribute__(name)


class A:
    def greet(self):
        return "A.greet"

    def f(self):
        return "A.f"


class B(A):
    def greet(self):
        return "B+" + MySuper(B, self).greet()

    def f(self):
        return "B+" + MySuper(B, self).f()

    def g(self):
        return MySuper().f()


b = B()
print(b.greet(), b.f())
s = MySuper(B, b)
print(type(s).__name__, isinstance(s, super), s.__thisclass__, type(s.__self__).__name__, repr(s))
s.x = 1
print(s.x, super.__getattribute__, "__getattribute__" in super.__dict__)


class Plain(super):
    pass


print(Plain(B, b).f(), type(Plain(B, b)).__name__, Plain(B, b).__self_class__.__name__)
print(b.g())
