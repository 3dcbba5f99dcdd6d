# is / is not for singletons, and == vs is for containers.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None))
print(True is (1 == 1), NotImplemented is NotImplemented, ... is Ellipsis)
x = ()
y = ()
print(x is y)
print(type(1) is int, type(True) is int, type(True) is bool)
class Always:
    def __eq__(self, o):
        return True
obj = Always()
print(obj == None, obj is None)
print([obj] == [1], 1 in [obj])
print(float("nan") == float("nan"))
n = float("nan")
print(n == n, [n] == [n], (n,) == (n,))
