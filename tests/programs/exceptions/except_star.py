# except* handles matching parts of an exception group.
def raise_group():
    raise ExceptionGroup("batch", [ValueError("bad 1"), TypeError("bad type"), ValueError("bad 2"), OSError("io")])

try:
    raise_group()
except* ValueError as g:
    print("values:", [str(e) for e in g.exceptions])
except* TypeError as g:
    print("types:", repr(g))
except* OSError as g:
    print("os:", repr(g))

try:
    try:
        raise_group()
    except* ValueError:
        print("handled values only")
except ExceptionGroup as rest:
    print("escaped:", repr(rest))

try:
    raise KeyError("naked")
except* KeyError as g:
    print("wrapped naked:", repr(g))
try:
    try:
        raise ExceptionGroup("x", [ValueError(1)])
    except* ValueError:
        raise RuntimeError("from handler")
except Exception as e:
    # A single exception raised inside an except* handler propagates unwrapped.
    print(repr(e), repr(e.__context__))
