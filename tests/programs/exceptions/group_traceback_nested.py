# An uncaught, nested exception group: boxes, notes, chained members and
# the 15-exception width limit.
def fail(n):
    raise ValueError(f"failure {n}")

def collect(count):
    errors = []
    for i in range(count):
        try:
            fail(i)
        except ValueError as e:
            errors.append(e)
    return errors

try:
    try:
        raise KeyError("original")
    except KeyError as k:
        raise TypeError("with context") from k
except TypeError as t:
    chained = t

inner = ExceptionGroup("inner", [chained, OSError("disk")])
inner.add_note("inner note\nsecond line")
many = ExceptionGroup("many", collect(17))
print("raising")
raise ExceptionGroup("outer", [inner, many, RuntimeError("plain")])
