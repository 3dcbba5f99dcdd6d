# Walrus in comprehensions binds in the enclosing scope.
data = [1, 5, 2, 8, 3]
big = [y for x in data if (y := x * 3) > 6]
print(big, y)
running = 0
sums = [running := running + x for x in data]
print(sums, running)
def first_match(items):
    if any((found := item) > 4 for item in items):
        return found
    return None
print(first_match(data), first_match([1, 2]))
def scoped():
    [last := n for n in range(5)]
    return last
print(scoped())
print({k: (v := k * 2) for k in range(3)}, v)
