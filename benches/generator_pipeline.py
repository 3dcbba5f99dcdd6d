# Chained generator pipelines with yield from: generator creation, resumption and delegation.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(src):
    for x in src:
        yield x * x


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def chunks(src, size):
    chunk = []
    for x in src:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(src):
    for chunk in src:
        yield from chunk


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    yield depth
    yield from tree(depth - 1)


def run_pipeline(n):
    total = 0
    for x in flatten(chunks(evens(squares(numbers(n))), 7)):
        total = (total + x) % 1_000_000_007
    return total


print(run_pipeline(2_400_000))
print(sum(tree(18)))
print(sum(sum(c) for c in chunks(numbers(1_200_000), 13)))
