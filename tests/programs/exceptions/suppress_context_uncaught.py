# Uncaught exception raised "from None": the context is hidden from the traceback.
def lookup(table, name):
    try:
        return table[name]
    except KeyError:
        raise LookupError(f"{name} is not defined") from None

print(lookup({"a": 1}, "a"))
try:
    lookup({}, "z")
except LookupError as e:
    print(type(e).__name__, e, e.__context__ is not None, e.__suppress_context__)
lookup({"a": 1}, "b")
