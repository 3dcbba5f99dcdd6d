# Slices on lists, strings, tuples with negative and out-of-range bounds.
s = "abcdefghij"
t = tuple(range(10))
cases = [(None, None, None), (2, 8, 3), (-3, None, None), (None, -3, None), (8, 2, -2),
         (None, None, -1), (-100, 100, None), (5, 5, None), (None, None, 4), (-1, -11, -3)]
for start, stop, step in cases:
    sl = slice(start, stop, step)
    print(sl, repr(s[sl]), t[sl])
print(s[1:-1:2] == "".join(list(s)[1:-1:2]))
print(slice(2, 8, 3).indices(len(s)))
