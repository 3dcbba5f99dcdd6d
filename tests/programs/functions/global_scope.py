# global declarations, module-level names and UnboundLocalError.
g = 10

def read():
    return g

def write():
    global g
    g = 20

def local_shadow():
    g = 30
    return g

print(read())
write()
print(read(), g)
print(local_shadow(), g)

def broken():
    print(g)
    g = 1

try:
    broken()
except UnboundLocalError as e:
    print(type(e).__name__, e)
print(issubclass(UnboundLocalError, NameError))

def create():
    global fresh
    fresh = "created"
create()
print(fresh)
try:
    print(missing_name)
except NameError as e:
    print(type(e).__name__, e)
