# ExceptionGroup construction, nesting, subgroup and split.
eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ExceptionGroup("inner", [ValueError("v2"), KeyError("k")])])
print(repr(eg))
print(eg.message, len(eg.exceptions), str(eg))
vals = eg.subgroup(ValueError)
print(repr(vals))
match, rest = eg.split(lambda e: isinstance(e, (TypeError, KeyError)))
print(repr(match))
print(repr(rest))
print(eg.subgroup(OSError))
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
print(type(BaseExceptionGroup("b", [ValueError()])).__name__)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)
print(issubclass(ExceptionGroup, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
derived = eg.derive([ValueError("only")])
print(repr(derived))
