# iter(callable, sentinel), lazy __getitem__ iteration, next() defaults, map strict.
class Squares:
    def __getitem__(self, i):
        print("getitem", i)
        if i >= 3:
            raise IndexError(i)
        return i * i
it = iter(Squares())
print(type(it).__name__, next(it), next(it))
print(list(it), next(it, "done"))
class StopsWithStopIteration:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(StopsWithStopIteration()), 1 in StopsWithStopIteration())
values = [1, 2, 3, None, 4]
ci = iter(lambda: values.pop(0), None)
print(type(ci).__name__, list(ci), values)
def raises_stop():
    raise StopIteration
print(list(iter(raises_stop, 0)))
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)
print(list(map(pow, [2, 3], [3, 2], strict=True)))
for args in (([1, 2], [3]), ([1], [3, 4]), ([1], [3], [4, 5])):
    try:
        list(map(lambda *a: a, *args, strict=True))
    except ValueError as e:
        print(type(e).__name__, e)
print(list(reversed(range(5))), list(reversed(range(0, 10, 3))), list(reversed({"x": 1, "y": 2})))
print(min([3, 1, 2], key=lambda v: -v), max([], default=None), max(1, 2, key=None), min("bca"))
try:
    max(1, 2, "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    min([], key=len)
except ValueError as e:
    print(type(e).__name__, e)
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([1, 2.5, 3]), sum([1j, 0.5]), sum([], 0.0))
print(sum(range(10 ** 6)), sum([2 ** 63, 2 ** 63]), sum([[1], [2]], []))
for start in ("", b""):
    try:
        sum([], start)
    except TypeError as e:
        print(type(e).__name__, e)
