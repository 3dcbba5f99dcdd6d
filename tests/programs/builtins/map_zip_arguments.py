# map() and zip() argument errors, worded as CPython words them.
for call in ["map()", "map(len)", "map(func=len)", "map(len, [1], x=1)", "map(len, ['ab'], strict=True)", "zip(1)", "zip([1], 2)", "map(len, 5)"]:
    try:
        r = eval(call)
        print(call, list(r))
    except TypeError as e:
        print(call, "TypeError", e)
print(list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")))
try:
    list(map(pow, [1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError", e)
