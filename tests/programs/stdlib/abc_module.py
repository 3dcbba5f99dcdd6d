import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @classmethod
    @abc.abstractmethod
    def g(cls): ...
print(sorted(A.__abstractmethods__))
try:
    A()
except TypeError as e:
    print(e)
class B(A):
    def f(self): return 1
    @classmethod
    def g(cls): return 2
print(B().f(), B.g(), isinstance(B(), A), issubclass(B, A))
class C: pass
print(issubclass(C, A))
A.register(C)
print(issubclass(C, A), isinstance(C(), A))
print(abc.get_cache_token() > 0)
try:
    A.register(1)
except TypeError as e:
    print(e)
class P(property): pass
class SM(staticmethod): pass
print(type(P(lambda s: 1)).__name__)
class D:
    @SM
    def h(): return 'h'
    @P
    def p(self): return 'p'
print(D.h(), D().p)
class M(type):
    def __setattr__(cls, k, v):
        print('set', k); super().__setattr__(k, v)
    def __delattr__(cls, k):
        print('del', k); super().__delattr__(k)
class E(metaclass=M): pass
E.x = 1; del E.x
print(hasattr(E, 'x'))
