import sys
a = list(range(10))
for s in [slice(None, None, -sys.maxsize-1), slice(-100, 100, 3), slice(5, -100, -1), slice(None, None, -2), slice(-3, None), slice(2**70, -2**70, -1), slice(True, 5)]:
    print(s, a[s], s.indices(10), range(10)[s])
try: a[::0]
except ValueError as e: print(e)
