class I(int): pass
xs = ['a', 'b', 'c']
print(xs[I(1)], xs[I(-1)], 'abc'[I(2)], (1, 2, 3)[I(0)], list(range(10))[I(3):I(5)])
try:
    xs[I(10)]
except IndexError as e:
    print(e)
try:
    xs[I(2**70)]
except IndexError as e:
    print(e)
