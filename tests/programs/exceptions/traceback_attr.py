# __traceback__ exists, links frames, and with_traceback replaces it.
def inner():
    raise ValueError("deep")
def outer():
    inner()

try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__)
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)
    print(e.__traceback__.tb_lineno)

err = KeyError("k")
print(err.__traceback__)
try:
    raise err
except KeyError as e:
    print(e.__traceback__ is not None)
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__)
