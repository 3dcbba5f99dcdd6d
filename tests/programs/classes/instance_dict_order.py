# Instance attributes list in each instance's own insertion order (vars, __dict__,
# repr, iteration), also after deletion and re-insertion, whatever order
# other instances of the class set them in.
class A:
    pass
a = A(); a.y = 1; a.x = 2
b = A(); b.x = 1; b.y = 2
print(a.__dict__, b.__dict__, vars(b))
print(list(b.__dict__), [k for k in vars(a)])
c = A(); c.x = 1; c.y = 2; c.z = 3
del c.x
c.x = 4
print(vars(c))
print(repr(c.__dict__))
d = A(); d.z = 0; d.y = 1; d.x = 2
del d.y
print(vars(d))
d.y = 5
print(vars(d))
def setter(o, n, v):
    setattr(o, n, v)
for obj, order in ((A(), "qpr"), (A(), "rqp"), (A(), "pqr")):
    for name in order:
        obj.__setattr__(name, len(name))
        setter(obj, name + name, 1)
    print(list(vars(obj)))
class S:
    __slots__ = ("a", "b", "__dict__")
s = S(); s.b = 1; s.a = 2; s.w = 3; s.v = 4
print(vars(s), s.a, s.b)
del s.a
s.a = 7
print(s.a, s.b)
e = A()
for i in range(40):
    setattr(e, "k%d" % ((i * 7) % 40), i)
print(list(vars(e)) == ["k%d" % ((i * 7) % 40) for i in range(40)])
f = A(); f.k5 = 1; f.k0 = 2
print(list(vars(f)))
g = A(); g.y = 1
g.x = 2
g.y = 3
print(vars(g))
print(sorted(dir(a)) == dir(a), [n for n in dir(b) if len(n) == 1])
