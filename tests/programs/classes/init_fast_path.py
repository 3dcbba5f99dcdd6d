# Class instantiation through the fast path (CALL_ALLOC_AND_ENTER_INIT): defaults,
# subclasses, __init__ returning non-None, abstract classes, recursion, and the
# per-type __init__ cache following reassignment and deletion.
class A:
    def __init__(self, x, y=2):
        self.x = x; self.y = y
class B(A):
    pass
class C:
    def __init__(self):
        return 1
for i in range(3):
    a = A(i); b = B(i, 5); print(a.x, a.y, b.x, b.y)
try:
    C()
except TypeError as e:
    print(e)
try:
    A()
except TypeError as e:
    print(e)
import abc
class D(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    def __init__(self, x): pass
try:
    D(1)
except TypeError as e:
    print(e)
def rec():
    A(rec())
try:
    rec()
except RecursionError as e:
    print("rec", e)
class E:
    def __init__(self): print("e1")
E()
def i2(self): print("e2")
E.__init__ = i2
E()
class F(E): pass
F()
E.__init__ = lambda self: print("e3")
F()
import weakref
class G:
    def __init__(self): pass
G()
r = weakref.ref(G.__dict__["__init__"])
del G.__init__
print(r())
