# Return values: implicit None, multiple values as tuples, early return.
def nothing():
    pass
def bare():
    return
def multi():
    return 1, "two", [3]
def early(x):
    if x < 0:
        return "negative"
    for i in range(10):
        if i == x:
            return f"found {i}"
    return "big"

print(nothing(), bare())
r = multi()
print(type(r).__name__, r)
a, b, c = multi()
print(a, b, c)
print(early(-1), early(3), early(50))
def loop_return():
    while True:
        try:
            return "from try"
        finally:
            print("finally runs")
print(loop_return())
