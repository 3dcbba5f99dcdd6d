# A generator that dies suspended inside try/finally (or with) is closed at
# once: its finally blocks run before the next statement. Order matters.
def resource(name):
    print("open", name)
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)

def plain(name):
    yield name  # no try: dies silently
    print("never printed", name)

g = resource("del")
next(g)
del g
print("after del")

g = resource("rebind")
next(g)
g = None
print("after rebind")

g = resource("unstarted")
del g
print("after unstarted (no open, no finally)")

p = plain("plain")
next(p)
del p
print("after plain")

def local_owner():
    r = resource("local")
    next(r)
    print("returning from local_owner")
    return "done"
print(local_owner())

holder = [resource("in list 1"), resource("in list 2")]
for h in holder:
    next(h)
holder.clear()
print("after clear")

def inner():
    try:
        yield "inner"
    finally:
        print("finally inner")

def outer():
    try:
        yield from inner()
    finally:
        print("finally outer")

o = outer()
print(next(o))
del o
print("after nested")

class Guard:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, typ, value, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return False

def guarded():
    with Guard("with"):
        yield 1

w = guarded()
next(w)
w = 0
print("after with")

def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("saw GeneratorExit")
        raise

c = catches_exit()
next(c)
del c
print("after catches_exit")

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("returning instead")
        return "ignored value"

r = returns_on_exit()
next(r)
del r
print("after returns_on_exit")

def early_exit_loop():
    for x in resource("break"):
        if x == 1:
            break
    print("loop broken")
early_exit_loop()

def raising_consumer():
    for x in resource("raise"):
        raise KeyError(x)
try:
    raising_consumer()
except KeyError as e:
    print("caught", e)

# Suspended generators still referenced by globals are closed at exit, in
# the order their names were first bound (the loop variable h still holds
# "in list 2").
late = resource("late global")
next(late)
_private = resource("late _private")
next(_private)
print("end of program")
