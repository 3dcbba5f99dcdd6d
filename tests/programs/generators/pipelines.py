# Generators as data pipelines, the way benchmarks and real programs use
# them: chained stages, builtins consuming generators, early exits that
# leave stages suspended, and hand-written itertools-style helpers.
def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step

def take(n, iterable):
    it = iter(iterable)
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return

def chain(*iterables):
    for it in iterables:
        yield from it

def pairwise(iterable):
    it = iter(iterable)
    prev = next(it, None)
    for item in it:
        yield prev, item
        prev = item

def batched(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)

def running_total(iterable):
    total = 0
    for x in iterable:
        total += x
        yield total

def primes():
    found = []
    for n in count(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n

print(list(take(10, primes())))
print(sum(x * x for x in range(1000) if x % 3 == 0))
print(max((len(w), w) for w in "the quick brown fox jumps".split()))
print(sorted((x % 7 for x in range(20)), reverse=True)[:5])
print(list(pairwise(take(6, count(10, 5)))))
print(list(batched(range(10), 4)))
print(list(running_total(chain([1, 2], (3, 4), range(5, 7)))))
print(dict((k, v) for k, v in zip("abc", count())))
print(set(x // 2 for x in range(10)))
print(tuple(enumerate(x.upper() for x in "xyz")))
print(list(map(lambda p: p[0] * p[1], zip(count(1), take(4, count(100))))))
print(list(filter(None, (x % 3 for x in range(8)))))
print(any(x > 5 for x in count()), all(x < 3 for x in count()))
print(", ".join(str(n) for n in take(5, count(1, 2))))
print(min(take(3, (abs(x - 10) for x in count(7)))))
print(sum(1 for _ in take(100000, count())))

# Early exits leave stages suspended; their finally blocks run when the
# pipeline is dropped.
def stage(name, source):
    try:
        for item in source:
            yield item
    finally:
        print("stage", name, "closed")

def source():
    try:
        yield from range(100)
    finally:
        print("source closed")

print(next(x for x in stage("outer", stage("inner", source())) if x > 2))
print("after first match")
found = any(x == 5 for x in stage("any", source()))
print("any found", found)

# A consumer coroutine fed by send().
def averager():
    total = count_ = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return total, count_
        total += value
        count_ += 1
        average = total / count_

avg = averager()
next(avg)
for v in (10, 20, 30, 40):
    print("average", avg.send(v))
try:
    avg.send(None)
except StopIteration as e:
    print("totals", e.value)

# Generator expressions see their first iterable at once, the rest lazily.
items = [1, 2, 3]
gen = (x * 10 for x in items)
items = [7, 8, 9]
print(list(gen))
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError", e)
lazy = (y for x in [1] for y in x)
try:
    list(lazy)
except TypeError as e:
    print("TypeError", e)
