# Raising and catching a great many exceptions, and deeply nested handlers.
count = 0
for i in range(200000):
    try:
        raise ValueError(i)
    except ValueError:
        count += 1
print("caught", count)

def nest(n):
    if n == 0:
        raise KeyError("bottom")
    try:
        nest(n - 1)
    except KeyError:
        raise KeyError(f"level {n}")
try:
    nest(200)
except KeyError as e:
    depth = 0
    ctx = e
    while ctx is not None:
        depth += 1
        ctx = ctx.__context__
    print("context chain length", depth, "top", e)

big_group = ExceptionGroup("many", [ValueError(i) for i in range(10000)])
try:
    raise big_group
except* ValueError as g:
    print("group handled", len(g.exceptions))
