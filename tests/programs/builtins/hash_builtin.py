# hash of ints, bools, floats and tuples (deterministic values).
print(hash(0), hash(1), hash(-1), hash(-2), hash(True), hash(False))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(10 ** 30))
print(hash(1.0) == hash(1), hash(1.5), hash(-0.0), hash(float("inf")))
print(hash((1, 2)), hash(()), hash((1, (2, 3))))
print(hash(None) == hash(None), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash(1) == hash(1.0) == hash(True))
for unhashable in ([], {}, set(), ([1],)):
    try:
        hash(unhashable)
    except TypeError as e:
        print(type(e).__name__, e)
class H:
    def __hash__(self):
        return 2 ** 70
print(hash(H()))
class Bad:
    def __hash__(self):
        return "x"
try:
    hash(Bad())
except TypeError as e:
    print(type(e).__name__, e)
