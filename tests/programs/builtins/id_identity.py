# id() only used to compare identity, never printed.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), type(id(a)).__name__)
print(id(None) == id(None), id(a) != id(c))
def f():
    return a
print(id(f()) == id(a))
x = object()
print(id(x) == id(x))
ids = {id(v) for v in (a, b, c)}
print(len(ids))
