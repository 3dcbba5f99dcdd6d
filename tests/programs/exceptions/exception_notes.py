# add_note and __notes__ (PEP 678).
try:
    try:
        raise ValueError("base message")
    except ValueError as e:
        e.add_note("first note")
        e.add_note("second note")
        raise
except ValueError as e:
    print(e.__notes__)
e = KeyError("k")
print(hasattr(e, "__notes__"))
try:
    e.add_note(5)
except TypeError as err:
    print(type(err).__name__, err)
def fail():
    err = RuntimeError("with notes")
    err.add_note("hint: check the config")
    raise err
fail()
