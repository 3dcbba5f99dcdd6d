# AttributeError messages for instances, classes, modules and builtins.
import math
class Thing:
    pass

def show(thunk):
    try:
        thunk()
    except AttributeError as e:
        print(type(e).__name__, "|", e, "|", e.name, type(e.obj).__name__)

show(lambda: Thing().missing)
show(lambda: Thing.missing)
show(lambda: (5).missing)
show(lambda: "s".missing)
show(lambda: math.missing)
show(lambda: None.missing)
try:
    (5).real = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del Thing().nope
except AttributeError as e:
    print(type(e).__name__, e)
