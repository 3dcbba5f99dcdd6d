# Set and dict comprehensions, key collisions keep the last value.
print(sorted({x % 5 for x in range(20)}))
print({x: x ** 2 for x in range(6)})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
words = ["one", "two", "three", "four"]
print({w: len(w) for w in words if "o" in w})
print({len(w) for w in words} == {3, 4, 5})
inverse = {v: k for k, v in {"x": 1, "y": 2}.items()}
print(inverse)
print({i: {j: i * j for j in range(3)} for i in range(2)})
print(type({x for x in ()}).__name__, type({x: x for x in ()}).__name__)
print({(i % 2): i for i in range(7)})
