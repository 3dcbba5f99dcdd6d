# A subclass's reflected method is tried first when it overrides the parent's.
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return f"Num.__add__({self.v}, {other.v})"
    def __radd__(self, other):
        return f"Num.__radd__({self.v}, {other.v})"

class Sub(Num):
    def __radd__(self, other):
        return f"Sub.__radd__({self.v}, {other.v})"

class Sub2(Num):
    pass

print(Num(1) + Num(2))
print(Num(1) + Sub(2))
print(Sub(1) + Num(2))
print(Num(1) + Sub2(2))
