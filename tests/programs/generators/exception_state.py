# The handled-exception state inside generators: each generator keeps its
# own across yields, and sees its resumer's when it has none (bare raise,
# implicit __context__), as CPython's chain of exception states does.
def own_handler():
    try:
        raise IndexError("own")
    except IndexError:
        yield "inside except"
        raise  # re-raises its own exception, not the resumer's

g = own_handler()
print(next(g))
try:
    raise KeyError("resumer's")
except KeyError:
    try:
        next(g)
    except IndexError as e:
        print("re-raised", repr(e), "context:", repr(e.__context__))

def bare_raise():
    yield 1
    raise  # no exception of its own: the resumer's

b = bare_raise()
next(b)
try:
    raise KeyError("handled by resumer")
except KeyError:
    try:
        next(b)
    except KeyError as e:
        print("bare raise in generator:", repr(e))

b = bare_raise()
next(b)
try:
    next(b)
except RuntimeError as e:
    print("RuntimeError", e)

def raises_new():
    yield 1
    raise ValueError("new in generator")

r = raises_new()
next(r)
try:
    raise KeyError("outer")
except KeyError:
    try:
        next(r)
    except ValueError as e:
        print("context of new error:", repr(e.__context__))

def receives_throw():
    try:
        yield 1
    except ValueError as e:
        print("thrown context:", repr(e.__context__))
        yield 2

t = receives_throw()
next(t)
try:
    raise KeyError("while throwing")
except KeyError:
    print(t.throw(ValueError("thrown")))

def handler_across_yield():
    try:
        raise OSError("kept")
    except OSError as e:
        yield "suspended in except"
        try:
            raise TypeError("nested")
        except TypeError as inner:
            print("nested context:", repr(inner.__context__))
        yield "still in except"

h = handler_across_yield()
print(next(h))
try:
    raise KeyError("unrelated")
except KeyError:
    print(next(h))
print(next(h, "done"))

def finally_sees_generator_exit():
    try:
        yield 1
    finally:
        try:
            raise ValueError("in finally")
        except ValueError as e:
            print("finally context:", type(e.__context__).__name__)

f = finally_sees_generator_exit()
next(f)
f.close()

def stopiteration_chain():
    yield 1
    next(iter([]))
try:
    list(stopiteration_chain())
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, e.__context__ is e.__cause__)

def uncaught():
    try:
        yield 1
        raise KeyError("escapes")
    finally:
        print("finally while escaping")

u = uncaught()
next(u)
try:
    raise IndexError("in handler")
except IndexError:
    print(next(u))
