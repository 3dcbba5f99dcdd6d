# An unhandled exception group prints CPython's boxed group traceback.
def task(n):
    if n % 2:
        raise ValueError(f"task {n} failed")
    raise TypeError(f"task {n} bad type")

errors = []
for i in range(3):
    try:
        task(i)
    except Exception as e:
        errors.append(e)
try:
    raise ExceptionGroup("tasks failed", errors)
except* ValueError as g:
    print("handled", len(g.exceptions), "ValueError")
