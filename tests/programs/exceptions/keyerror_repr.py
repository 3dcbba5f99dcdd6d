# KeyError str() uses repr of the key; other exceptions do not.
for exc in (KeyError("k"), KeyError(5), KeyError(""), KeyError(), KeyError("a", "b"), KeyError(("t",))):
    print(repr(str(exc)), repr(exc))
print(repr(str(IndexError("i"))), repr(str(ValueError(""))))
d = {}
try:
    d["missing key"]
except KeyError as e:
    print(e, e.args)
try:
    d[(1, 2)]
except KeyError as e:
    print(e, e.args)
try:
    {}.pop("nope")
except KeyError as e:
    print(e)
try:
    set().remove(3)
except KeyError as e:
    print(e)
print(str(Exception("a", 1)), str(Exception()), repr(Exception("x")))
print(str(Exception(None)), repr(Exception(None)))
