# BaseException args handling, str with one vs many args, and equality.
e1 = ValueError("same")
e2 = ValueError("same")
print(e1 == e2, e1.args == e2.args)
print(str(ValueError(1, 2)), repr(ValueError(1, 2)))
print(str(ValueError([1, 2])), repr(ValueError((1,))))
e = Exception()
e.args = [1, 2]
print(e.args, type(e.args).__name__)
print(repr(BaseException("base")), repr(ArithmeticError()))
class Subclassed(ValueError):
    pass
print(repr(Subclassed("sub")), str(Subclassed("sub")))
try:
    raise Subclassed("catch as ValueError")
except ValueError as err:
    print(type(err).__name__, err)
print(ValueError.__name__, ValueError.__module__, ValueError.__qualname__)
