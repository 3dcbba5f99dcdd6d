# A builtin's method stored under another dunder name is called, not
# mistaken for the class's inherited slot; int.__format__ on a subclass
# instance formats the int value instead of recursing.
class I(int):
    __str__ = int.__repr__
    def __repr__(self):
        return 'R'
print(str(I(1)), repr(I(1)))
class J(int):
    def __repr__(self):
        return 'R'
J.__str__ = int.__repr__
print(str(J(2)))
class K(int):
    __format__ = int.__format__
    def __str__(self):
        return 'S'
print(format(K(3)), format(K(3), '04d'), int.__format__(K(4), 'x'), f"{K(5)}")
class M(type):
    def __setattr__(cls, name, value):
        print('meta set', name)
        super().__setattr__(name, value)
    def __delattr__(cls, name):
        print('meta del', name)
        super().__delattr__(name)
class C(metaclass=M):
    pass
C.x = 1
del C.x
print(hasattr(C, 'x'), type.__getattribute__(C, '__name__'))
try:
    type.__delattr__(C, 'nothing')
except AttributeError as e:
    print(e)
class Base: pass
class D1(Base): pass
class D2(Base): pass
print([c.__name__ for c in Base.__subclasses__()])
del D1
import gc; gc.collect()
print([c.__name__ for c in Base.__subclasses__()])
# A builtin method of another class refuses the instance, as in CPython.
class L(list):
    __repr__ = dict.__repr__
    keys = dict.keys
for attempt in (lambda: repr(L()), lambda: L().keys(), lambda: dict.__repr__([]), lambda: dict.keys([])):
    try:
        attempt()
    except TypeError as e:
        print(e)
