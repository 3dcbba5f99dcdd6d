# Returning NotImplemented makes Python try the reflected operation.
class A:
    def __add__(self, other):
        print("A.__add__")
        return NotImplemented
    def __eq__(self, other):
        print("A.__eq__")
        return NotImplemented

class B:
    def __radd__(self, other):
        print("B.__radd__")
        return "B handled it"
    def __eq__(self, other):
        print("B.__eq__")
        return NotImplemented

print(A() + B())
try:
    A() + A()
except TypeError as e:
    print(type(e).__name__, e)
a = A()
print(a == B())
print(a == a)
print(A() != B())

class Num:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        if not isinstance(other, Num):
            return NotImplemented
        return self.v < other.v
print(Num(1) < Num(2), Num(2) > Num(1))
try:
    Num(1) < 5
except TypeError as e:
    print(type(e).__name__, e)
