# Name mangling of __private names inside class bodies.
class A:
    def __init__(self):
        self.__secret = "A secret"
        self._protected = "visible"
    def reveal(self):
        return self.__secret
    def __hidden(self):
        return "hidden method"
    def call_hidden(self):
        return self.__hidden()

class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = "B secret"
    def reveal_b(self):
        return self.__secret

b = B()
print(b.reveal(), b.reveal_b())
print(sorted(vars(b)))
print(b._A__secret, b._B__secret)
print(b.call_hidden())
try:
    b.__hidden()
except AttributeError as e:
    print(type(e).__name__, e)
class C:
    __dunder__ = "not mangled"
    __x = 1
print("__dunder__" in C.__dict__, "_C__x" in C.__dict__)
