# Local state persists across yields; multiple independent generator instances.
def running_stats():
    count = 0
    total = 0.0
    lo = hi = None
    while True:
        x = yield (count, total, lo, hi)
        count += 1
        total += x
        lo = x if lo is None else min(lo, x)
        hi = x if hi is None else max(hi, x)

a = running_stats()
b = running_stats()
next(a); next(b)
for v in [5, 1, 9]:
    print("a", a.send(v))
print("b", b.send(100))
print("a", a.send(0))

def interleave(*gens):
    gens = list(gens)
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave(iter("abc"), iter(range(5)), iter([True]))))
