# Subclasses of builtin types keep the builtin value and gain a __dict__.
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("ada")
n.tag = "person"
print(n, n.shout(), len(n), n + "x", type(n + "x").__name__, n.tag, n == "ada")
print(isinstance(n, str), repr(n), n.__dict__, str(n) is n, type(str(n)).__name__)

class Count(int):
    def __new__(cls, value, label="?"):
        obj = super().__new__(cls, value)
        obj.label = label
        return obj
c = Count(41, "answer")
print(c + 1, c.label, type(c + 1).__name__, c * 2, c == 41, hash(c) == hash(41), int(c) + 0)

class Stack(list):
    def push(self, item):
        self.append(item)
        return self
    def __repr__(self):
        return "Stack(" + super().__repr__() + ")"
s = Stack([1, 2])
s.push(3).push(4)
print(s, len(s), s[0], s[-1], sum(s), list(s), isinstance(s, list))

class Defaulting(dict):
    def __missing__(self, key):
        return key * 2
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 10)
d = Defaulting(a=1)
d["b"] = 2
print(d, d["b"], d.get("zz"), "a" in d, len(d))

class Pair(tuple):
    @property
    def first(self):
        return self[0]
p = Pair((1, 2))
print(p, p.first, p + (3,), type(p).__name__, hash(p) == hash((1, 2)))

class Strict(list):
    __slots__ = ()
try:
    Strict().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(dict.__setitem__, list.__len__([1, 2, 3]), int.__add__(2, 3), str.__len__("abcd"))
try:
    class Bad(str):
        __slots__ = ("x",)
except TypeError as e:
    print(type(e).__name__, e)
try:
    str.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)
