from itertools import *
import itertools
print(list(islice(count(), 5)), list(islice(count(2.5, 0.5), 3)), repr(count(3)), repr(count(1, 2)), repr(count(1.0)))
print(list(islice(cycle('abc'), 7)), list(cycle([])))
print(list(repeat('x', 3)), repr(repeat(1)), repr(repeat(1, 2)), list(repeat(1, -1)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], initial=10)), list(accumulate([3, 1, 2], max)))
print(list(batched('abcdefg', 3)))
try:
    list(batched('abcd', 3, strict=True))
except ValueError as e:
    print(e)
try:
    batched('a', 0)
except ValueError as e:
    print(e)
print(list(chain('ab', [1, 2], ())), list(chain.from_iterable(['xy', 'z'])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 3, 8])), list(takewhile(lambda x: x < 5, [1, 4, 6, 3, 8])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
gs = list(groupby('aabb'))
print([list(g) for k, g in gs])
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
for bad in [(-1,), ('a',), (1, -1), (0, 1, 0)]:
    try:
        islice('abc', *bad)
    except ValueError as e:
        print(e)
try:
    islice('a')
except TypeError as e:
    print(e)
print(list(pairwise('ABCDE')), list(pairwise('A')))
print(list(starmap(pow, [(2, 5), (3, 2)])))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b))
a, b, c = tee(range(4), 3)
print(next(a), next(a), list(b), list(c), list(a))
print(tee([1], 0))
try:
    tee([1], -1)
except ValueError as e:
    print(e)
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()))
print(list(product('ab', range(2))), list(product(range(2), repeat=2)), list(product()))
print(list(permutations(range(3))), list(permutations('ABCD', 2))[:5], len(list(permutations(range(5), 3))))
print(list(permutations([], 0)), list(permutations([1], 2)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('AB', 3)), list(combinations('AB', 0)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 2)), list(combinations_with_replacement('', 0)))
for f in (lambda: combinations('a', -1), lambda: permutations('a', -1), lambda: product('a', repeat=-1)):
    try:
        f()
    except ValueError as e:
        print(e)
try:
    count('a')
except TypeError as e:
    print(e)
print(type(count()).__name__, type(chain()).__module__)
it = chain([1], [2])
print(iter(it) is it, next(it), it.__next__())
def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return zip_longest(*args, fillvalue=fillvalue)
print(list(grouper('ABCDEFG', 3, 'x')))
def roundrobin(*iterables):
    iterators = map(iter, iterables)
    for num_active in range(len(iterables), 0, -1):
        iterators = cycle(islice(iterators, num_active))
        yield from map(next, iterators)
print(list(roundrobin('ABC', 'D', 'EF')))
