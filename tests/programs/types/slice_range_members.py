# The bounds of slice and range objects are read-only members in the type
# dicts ("readonly attribute" on assignment).
for o, n in [(slice(1,2,3), 'start'), (slice(1,2,3), 'step'), (range(1,5,2), 'stop'), (range(3), 'start')]:
    print(getattr(o, n), repr(type(o).__dict__.get(n)))
    try:
        setattr(o, n, 1)
    except AttributeError as e:
        print(e)
print(slice.start.__get__(slice(7)), range.step.__get__(range(0, 9, 3)), 'start' in dir(slice(1)))
print(range(2**70).stop, slice('a', None).start)
try:
    del range(3).start
except AttributeError as e:
    print(e)
slice(1).stop = 2
