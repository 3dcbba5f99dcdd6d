# Truthiness: __bool__ first, then __len__, else always true.
class B:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print("__bool__")
        return self.v
class L:
    def __init__(self, n): self.n = n
    def __len__(self):
        print("__len__")
        return self.n
class Neither:
    pass

print(bool(B(True)), bool(B(False)))
print(bool(L(0)), bool(L(3)))
print(bool(Neither()))
if L(2):
    print("L(2) is truthy")
print(not B(False))
print(B(False) or "fallback")

class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
class NegLen:
    def __len__(self):
        return -1
try:
    bool(NegLen())
except ValueError as e:
    print(type(e).__name__, e)
try:
    len(Neither())
except TypeError as e:
    print(type(e).__name__, e)
