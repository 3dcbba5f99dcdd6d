# Class attributes are shared until an instance shadows them.
class Counter:
    count = 0
    shared = []
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count

a, b = Counter(), Counter()
print(Counter.count, a.count, b.count, a.id, b.id)
a.count = 100
print(Counter.count, a.count, b.count)
del a.count
print(a.count)
a.shared.append("x")
print(b.shared, Counter.shared)
print("count" in vars(a), "count" in vars(Counter))
print(sorted(vars(a)))
Counter.new_attr = "added later"
print(b.new_attr)
try:
    del a.count
except AttributeError as e:
    print(type(e).__name__, e)
try:
    a.nope
except AttributeError as e:
    print(type(e).__name__, e)
