# A global read by a function is freed as soon as the module drops it: the
# interpreter's caches of global lookups must not keep it alive.
import gc
import sys
import weakref


class Tracked:
    def __del__(self):
        print("del ran")


obj = Tracked()


def read():
    return obj


for _ in range(3):
    read()
probe = weakref.ref(obj)
print("before del:", probe() is not None)
del obj
print("after del:", probe() is None)

items = [1, 2]


def fails():
    len(items, 3)


before = sys.getrefcount(items)
for _ in range(3):
    try:
        fails()
    except TypeError as e:
        print(e)
gc.collect()
print("refcount unchanged:", sys.getrefcount(items) == before)

# Replacing a global makes the cached one go, too.
obj = Tracked()
print(type(read()).__name__)
obj = 5
print(read())
try:
    del obj
    read()
except NameError as e:
    print(e)
print("end")
