# The `as` name is deleted at the end of the except block.
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    print("inside", repr(e))
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)

def f():
    try:
        raise KeyError("k")
    except KeyError as exc:
        saved = exc
    try:
        return exc
    except UnboundLocalError as err:
        return f"{type(err).__name__}: {err} / saved={saved!r}"
print(f())
