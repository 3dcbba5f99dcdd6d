# `in` uses __contains__, then __iter__, then __getitem__.
class WithContains:
    def __contains__(self, x):
        print("__contains__", x)
        return x == 3

class WithIter:
    def __iter__(self):
        print("__iter__")
        return iter([1, 2, 3])

class WithGetitem:
    def __getitem__(self, i):
        print("__getitem__", i)
        if i >= 3:
            raise IndexError
        return i * 10

print(3 in WithContains(), 4 not in WithContains())
print(2 in WithIter())
print(10 in WithGetitem())
print(99 in WithGetitem())
class Truthy:
    def __contains__(self, x):
        return [x]
print(5 in Truthy())
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
print("ell" in "hello", "" in "x", 2 in {1: "a", 2: "b"}, "b" in {1: "a", 2: "b"})
print(float("nan") in [float("nan")])
nan = float("nan")
print(nan in [nan])
