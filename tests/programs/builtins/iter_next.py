# iter() and next(), including default and the two-argument sentinel form.
it = iter([1, 2])
print(next(it), next(it), next(it, "done"), next(it, None))
s = iter("ab")
print(type(s).__name__, list(s), list(s))
values = [3, 2, 1, 0, 5]
def pop_front():
    return values.pop(0)
print(list(iter(pop_front, 0)), values)
count = 0
def counter():
    global count
    count += 1
    return count
print(list(iter(counter, 4)))
print(iter(it) is it)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
d = {"a": 1, "b": 2}
print(next(iter(d)), next(iter(d.values())), next(iter(d.items())))
