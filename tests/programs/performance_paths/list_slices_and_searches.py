# Slicing a big list many times, and searching lists whose items' __eq__
# mutates the list: results as CPython's (and no quadratic copying).
words = ["w%d" % i for i in range(100_000)]
total = 0
for i in range(0, len(words), 7):
    total += len(words[i:i + 7])
print(total, words[-3:], words[::25_000], words[5:2], words[-2:-5:-1])

class Shrinker:
    def __init__(self, target):
        self.target = target
    def __eq__(self, other):
        if self.target:
            self.target.pop()
        return False

items = [1, 2, 3, 4, 5]
probe = Shrinker(items)
print(probe in items, items)
items = [1, 2, 3, 4, 5, 6]
print(items.count(Shrinker(items)), items)
print(3 in [1, 2, 3], [1, 2, 2, 3].count(2), "w99999" in words)
