# Uncaught TypeError from a binary operation shows operator markers in the traceback.
def combine(count, label):
    return count + label

print(combine(1, 2))
print(combine("a", "b"))
print(combine([1], [2]))
print(combine((1,), (2,)))
print(combine(1.5, True))
print(combine(1, "two"))
