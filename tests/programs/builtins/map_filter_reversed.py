# map (multiple iterables), filter (None predicate), reversed (sequences, __reversed__).
print(list(map(str.upper, ["a", "b"])), list(map(pow, [2, 3], [3, 2, 1])))
m = map(lambda x: x * 2, range(3))
print(type(m).__name__, list(m), list(m))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])))
print(list(filter(lambda x: x % 2, range(10))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))))
print(list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
class Rev:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(Rev())))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(Seq())))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(map(len, [1]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(map(abs, [1], strict=True))
    list(map(pow, [1, 2], [3], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
