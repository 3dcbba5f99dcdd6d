# Exceptions raised while handling another get __context__ set implicitly.
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        raise TypeError("a")
    finally:
        raise IndexError("b")
except IndexError as e:
    print(repr(e), repr(e.__context__))

def handler():
    try:
        raise OSError("low level")
    except OSError:
        try:
            raise LookupError("middle")
        except LookupError:
            raise RuntimeError("top")
try:
    handler()
except RuntimeError as e:
    chain = []
    while e is not None:
        chain.append(repr(e))
        e = e.__context__
    print(" <- ".join(chain))
e = ValueError("fresh")
print(e.__context__, e.__cause__, e.__traceback__)
