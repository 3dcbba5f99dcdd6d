# callable() on functions, classes, instances, builtins and methods.
class WithCall:
    def __call__(self):
        pass
class Without:
    pass
def f():
    pass
items = [f, lambda: 0, WithCall, WithCall(), Without, Without(), len, "str", 5, None,
         [].append, str.upper, type, object(), print]
print([callable(x) for x in items])
w = Without()
w.__call__ = lambda: "instance attr"
print(callable(w))
Without.__call__ = lambda self: "now callable"
print(callable(w), w())
