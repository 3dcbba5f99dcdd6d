# return/break in finally override the try block (CPython 3.14 also warns, PEP 765).
def overrides_return():
    try:
        return "from try"
    finally:
        return "from finally"

def swallows_exception():
    try:
        raise ValueError("lost")
    finally:
        return "exception discarded"

def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return f"broke out at {i}"

print(overrides_return())
print(swallows_exception())
print(break_in_finally())
