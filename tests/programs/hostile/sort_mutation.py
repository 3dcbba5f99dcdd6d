# Mutating a list while it is being sorted raises "list modified during sort".
data = [5, 3, 1, 4, 2]
def appending_key(x):
    data.append(x)
    return x
try:
    data.sort(key=appending_key)
except ValueError as e:
    print(type(e).__name__, e)
print("after failed sort:", data)

class Evil:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        # During the sort the list looks empty; clearing it is undetectable,
        # but growing it is detected.
        victim.clear()
        victim.append(Evil(0))
        return self.v < other.v
victim = [Evil(3), Evil(2), Evil(1)]
try:
    victim.sort()
except ValueError as e:
    print(type(e).__name__, e)
print("victim length:", len(victim))

class Boom:
    def __lt__(self, other):
        raise ZeroDivisionError("comparison exploded")
items = [1, Boom(), 2]
try:
    items.sort()
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    sorted([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
print("items unchanged:", items[0], items[2])
