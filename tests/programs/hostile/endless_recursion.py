# Endless recursion is caught as RecursionError; the interpreter stays usable afterwards.
def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
    print(issubclass(RecursionError, RuntimeError))

def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", e)

class Loop:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
try:
    Loop().a
except RecursionError as e:
    print("getattr loop:", e)

class SelfRepr:
    def __repr__(self):
        return "SelfRepr(" + repr(self) + ")"
try:
    repr(SelfRepr())
except RecursionError as e:
    print("repr loop:", type(e).__name__)

def recover_depth(n):
    return n if n == 0 else 1 + recover_depth(n - 1)
print("still works:", recover_depth(500))
