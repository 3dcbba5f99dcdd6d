# except*: splitting, re-raising what was not handled, raising new errors,
# naked exceptions, nested groups and invalid handler types.
def run(body):
    try:
        body()
    except BaseException as e:
        print("escaped:", repr(e), "| context:", repr(e.__context__))

def nested():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    except* ValueError as g:
        print("values:", repr(g))
run(nested)

def reraise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        raise
    except* KeyError as g:
        print("keys:", repr(g))
run(reraise)

def new_errors():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        raise RuntimeError("from value handler")
    except* KeyError:
        raise OSError("from key handler")
run(new_errors)

def naked():
    try:
        raise TypeError("alone")
    except* (ValueError, TypeError) as g:
        print("naked:", repr(g), g.exceptions[0].__traceback__ is not None)
run(naked)

def unmatched_naked():
    try:
        raise KeyError("k")
    except* ValueError:
        print("never")
run(unmatched_naked)

def bad_type():
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
run(bad_type)

def bad_class():
    try:
        raise ValueError(1)
    except* int:
        pass
run(bad_class)

eg = ExceptionGroup("root", [ValueError("a"), ExceptionGroup("sub", [KeyError("b"), ValueError("c")])])
eg.add_note("root note")
match, rest = eg.split(ValueError)
print(repr(match), repr(rest), match.__notes__, rest.__notes__ is not eg.__notes__)
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))), eg.subgroup(lambda e: True) is eg)
try:
    eg.split(5)
except TypeError as e:
    print(type(e).__name__, e)
for args in [("m",), (1, [ValueError()]), ("m", ValueError()), ("m", [1])]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class MyGroup(ExceptionGroup):
    pass
print(type(MyGroup("x", [ValueError()]).derive([KeyError()])).__name__)
print(repr(BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])))
