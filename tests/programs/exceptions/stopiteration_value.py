# StopIteration.value and its args.
e = StopIteration()
print(e.value, e.args)
e = StopIteration(5)
print(e.value, e.args)
e = StopIteration(1, 2)
print(e.value, e.args)
it = iter([])
try:
    next(it)
except StopIteration as e:
    print(repr(e), e.value)
def g():
    return "result"
    yield
try:
    next(g())
except StopIteration as e:
    print(repr(e), e.value)
print(next(iter([]), "default"))
class Iter:
    def __iter__(self): return self
    def __next__(self): raise StopIteration("custom value")
for x in Iter():
    print("never")
print(list(Iter()))
