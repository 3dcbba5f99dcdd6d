# Generator expressions: laziness, single use, scoping of the first iterable.
squares = (x * x for x in range(5))
print(type(squares).__name__)
print(next(squares), next(squares))
print(list(squares))
print(list(squares))
print(sum(x for x in range(101)))
print(max(len(w) for w in "the quick brown fox".split()))
pairs = ((a, b) for a in range(3) for b in range(a))
print(list(pairs))
def trace(v):
    print("first iterable evaluated")
    return v
g = (y for y in trace([1, 2]))
print("created")
print(list(g))
try:
    (1 / x for x in [0])
    print("no error until iterated")
    list(1 / x for x in [0])
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(sorted((c for c in "banana"), reverse=True))
print(",".join(str(i) for i in range(4) if i % 2 == 0))
