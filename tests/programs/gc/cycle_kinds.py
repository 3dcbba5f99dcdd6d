# Cycles through every kind of container are found and freed: the object
# with __del__ in each cycle is finalized by gc.collect(). Ends with an
# uncaught error.
import gc

class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

def check(label):
    found = gc.collect()
    print(label, "found garbage:", found > 0)

gc.collect()

o = Loud("list"); o.ref = [o]; del o; check("list")
o = Loud("tuple"); o.ref = (o, 1); del o; check("tuple")
o = Loud("dict key"); o.ref = {o: 1}; del o; check("dict key")
o = Loud("dict value"); o.ref = {1: o}; del o; check("dict value")
o = Loud("set"); o.ref = {o}; del o; check("set")
o = Loud("frozenset"); o.ref = frozenset([o]); del o; check("frozenset")

class Holder:
    pass

o = Loud("class attribute"); Holder.o = o; o.cls = Holder; del o; Holder.__del_me = 1; del Holder; check("class")

def make_closure(obj):
    def inner():
        return obj
    return inner

o = Loud("closure"); o.f = make_closure(o); del o; check("closure")

def with_default(x=None):
    return x

o = Loud("function default"); f = lambda y=o: y; o.f = f; del o, f; check("default")
o = Loud("function attribute"); g = lambda: 0; g.o = o; o.g = g; del o, g; check("function attribute")

class WithMethod:
    def __init__(self):
        self.bound = self.method
    def method(self):
        pass
    def __del__(self):
        print("del bound method")

w = WithMethod(); del w; check("bound method")

o = Loud("builtin method"); o.append = [o].append; del o; check("builtin method")

def raise_and_keep():
    o = Loud("exception")
    try:
        raise ValueError("x")
    except ValueError as e:
        o.error = e
        e.owner = o

raise_and_keep(); check("exception")

o = Loud("exception args"); o.e = KeyError(o); del o; check("exception args")
o = Loud("cause"); e1 = ValueError(); e2 = TypeError(); e1.__cause__ = e2; e2.__context__ = e1; e1.o = o; o.e = e1; del o, e1, e2; check("cause/context")
o = Loud("property"); p = property(lambda self: o); o.p = p; del o, p; check("property")
o = Loud("staticmethod"); o.s = staticmethod(o); del o; check("staticmethod")
o = Loud("classmethod"); o.c = classmethod(o); del o; check("classmethod")
o = Loud("slice"); o.s = slice(o, None); del o; check("slice")
o = Loud("list iterator"); o.it = iter([o]); del o; check("list iterator")
o = Loud("enumerate"); o.it = enumerate([o]); del o; check("enumerate")
o = Loud("zip"); o.it = zip([o], [1]); del o; check("zip")
o = Loud("map"); o.it = map(lambda v: v, [o]); del o; check("map")
o = Loud("filter"); o.it = filter(None, [o]); del o; check("filter")
o = Loud("reversed"); o.it = reversed([o]); del o; check("reversed")
o = Loud("dict view"); d = {1: o}; o.v = d.values(); del o, d; check("dict view")
o = Loud("dict iterator"); d = {o: 1}; o.it = iter(d); del o, d; check("dict iterator")

class Base:
    def who(self):
        return "base"

class Derived(Base):
    def __init__(self):
        self.sup = super()
    def __del__(self):
        print("del super")

s = Derived(); del s; check("super")

class Sub(Loud):
    pass

class SubSub(Sub):
    pass

o = SubSub("subclass of a subclass"); o.me = o; del o; check("subclass instance")

class MyError(Exception):
    pass

o = Loud("exception subclass"); o.e = MyError(o); del o; check("exception subclass")

print("uncollectable:", gc.garbage)
try:
    gc.collect(5)
except ValueError as e:
    error = e
raise RuntimeError("the end: " + str(error))
