# The generator object's API: names, state attributes, repr, the errors of
# send/throw/close, and the return value of close().
def outer():
    def inner_gen():
        yield 1
    return inner_gen()

def numbers():
    yield 1
    yield 2
    return "done"

g = numbers()
print(type(g).__name__, g.__name__, g.__qualname__)
r = repr(g)
print(r.startswith("<generator object numbers at 0x"), r.endswith(">"))
inner = outer()
print(inner.__name__, inner.__qualname__)
print(repr(inner).startswith("<generator object outer.<locals>.inner_gen at 0x"))
print(g.gi_running, g.gi_suspended, g.gi_yieldfrom, g.gi_code.co_name)
print(iter(g) is g, g.__iter__() is g)
print(g.__next__(), g.gi_suspended)
print(g.send(None))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
print(g.gi_suspended, g.gi_running)
print(g.send(None) if False else next(g, "exhausted"))
try:
    g.send(1)
except StopIteration as e:
    print("send on finished:", repr(e))

g.__name__ = "renamed"
g.__qualname__ = "Some.renamed"
print(g.__name__, g.__qualname__, repr(g).startswith("<generator object Some.renamed at"))
for attr in ("__name__", "__qualname__"):
    try:
        setattr(g, attr, 42)
    except TypeError as e:
        print("TypeError", e)
try:
    g.gi_running = True
except AttributeError as e:
    print("AttributeError", e)
try:
    g.custom = 1
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(g, "gi_frame"), hasattr(g, "cr_frame"), hasattr(g, "__await__"))

fresh = numbers()
try:
    fresh.send("value")
except TypeError as e:
    print("TypeError", e)
print(next(fresh))

t = numbers()
next(t)
for bad in (5, "text", object()):
    try:
        t.throw(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    t.throw()
except TypeError as e:
    print("TypeError", e)
try:
    t.throw(KeyError)
except KeyError as e:
    print("class thrown:", repr(e))
print(t.gi_suspended, next(t, "closed by the exception"))

class Custom(Exception):
    def __init__(self, *args):
        super().__init__(*args)
        print("Custom made with", args)
c = numbers()
next(c)
try:
    c.throw(Custom)
except Custom as e:
    print("caught", repr(e))

def with_return_on_close():
    try:
        yield
    except GeneratorExit:
        return "cleanup result"
w = with_return_on_close()
next(w)
print("close returned", w.close())
print("close again", w.close())
unstarted = with_return_on_close()
print("close unstarted", unstarted.close(), unstarted.gi_suspended)

def stubborn(stop):
    while not stop:
        try:
            yield
        except GeneratorExit:
            print("refusing")
stop = []
s = stubborn(stop)
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError", e)
print(s.gi_suspended)
stop.append(True)
print(next(s, "stubborn finished"))

def raises_in_close():
    try:
        yield
    finally:
        raise ValueError("from finally")
x = raises_in_close()
next(x)
try:
    x.close()
except ValueError as e:
    print("close raised", e, type(e.__context__).__name__)
