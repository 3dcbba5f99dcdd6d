# Unary operators: -, +, ~, abs, not, on builtins and user classes.
class U:
    def __init__(self, v): self.v = v
    def __neg__(self): return U(-self.v)
    def __pos__(self): return U(self.v + 0.5)
    def __invert__(self): return U(~self.v)
    def __abs__(self): return U(abs(self.v))
    def __repr__(self): return f"U({self.v})"

u = U(3)
print(-u, +u, ~u, abs(-u))
print(-5, +5, ~5, ~-1, -(-5), --5)
print(-True, +True, -False, abs(-True))
print(-0.0, +-0.0, abs(-0.0))
print(not 0, not [], not [0], not None)
try:
    -"x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    ~1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
