# Bare `raise` re-raises the exception currently being handled.
def risky():
    raise KeyError("original")

def wrapper():
    try:
        risky()
    except KeyError:
        print("logging and re-raising")
        raise

try:
    wrapper()
except KeyError as e:
    print("outer got", repr(e))

try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)

def reraise_after_nested():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        raise
try:
    reraise_after_nested()
except Exception as e:
    print("re-raised", repr(e))
try:
    try:
        raise ValueError("v")
    except ValueError as e:
        raise e
except ValueError as e2:
    print("raise e works", e2)
