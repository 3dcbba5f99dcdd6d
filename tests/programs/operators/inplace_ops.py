# In-place operators: __iadd__ when present, else fall back to __add__.
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        print("__iadd__")
        self.v += o
        return self
    def __add__(self, o):
        print("__add__")
        return Acc(self.v + o)

a = Acc(1)
b = a
a += 5
print(a.v, a is b)

class NoInplace:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("__add__")
        return NoInplace(self.v + o)
n = NoInplace(1)
m = n
n += 5
print(n.v, n is m, m.v)

lst = [1]
alias = lst
lst += [2]
print(lst, alias, lst is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias)

class NotImpl:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "fell back to __add__"
x = NotImpl()
x += 1
print(x)
s = "ab"
s *= 3
print(s)
