# Arithmetic dunders on a user class, including reflected variants.
class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"V({self.x})"
    def __add__(self, o):
        return V(self.x + (o.x if isinstance(o, V) else o))
    def __radd__(self, o):
        return V(o + self.x)
    def __sub__(self, o):
        return V(self.x - (o.x if isinstance(o, V) else o))
    def __rsub__(self, o):
        return V(o - self.x)
    def __mul__(self, o):
        return V(self.x * o)
    __rmul__ = __mul__
    def __truediv__(self, o):
        return V(self.x / o)
    def __floordiv__(self, o):
        return V(self.x // o)
    def __mod__(self, o):
        return V(self.x % o)
    def __pow__(self, o, mod=None):
        return V(pow(self.x, o, mod))
    def __rpow__(self, o):
        return V(o ** self.x)

a = V(7)
print(a + V(1), a + 1, 1 + a)
print(a - 2, 10 - a)
print(a * 3, 3 * a)
print(a / 2, a // 2, a % 4)
print(a ** 2, pow(a, 2, 5), 2 ** a)
print(sum([V(1), V(2), V(3)]))
