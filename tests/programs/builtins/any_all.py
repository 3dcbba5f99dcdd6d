# any and all: short-circuiting and empty iterables.
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]))
print(any([0, 0, 3]), all([1, 0, 1]))
def noisy(values):
    for v in values:
        print("yield", v)
        yield v
print(any(noisy([0, 1, 2])))
print(all(noisy([1, 0, 2])))
print(any(x > 5 for x in range(10)), all(x < 5 for x in range(10)))
print(any("a"), all(""), any({0: "x"}), all({1: 0}))
try:
    any(5)
except TypeError as e:
    print(type(e).__name__, e)
