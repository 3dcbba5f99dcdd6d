# Exceptions inside comprehensions propagate; traceback shows the comprehension line.
def safe_div(items, d):
    try:
        return [x / d for x in items]
    except ZeroDivisionError as e:
        return f"{type(e).__name__}: {e}"
print(safe_div([2, 4], 2))
print(safe_div([2, 4], 0))
try:
    {k: v for k, v in [(1, 2), (3,)]}
except ValueError as e:
    print(type(e).__name__, e)
try:
    {[1]: 2 for _ in range(1)}
except TypeError as e:
    print(type(e).__name__, e)
values = ["1", "2", "x", "4"]
print([int(v) for v in values])
