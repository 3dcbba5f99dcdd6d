# weakref.finalize: called when the referent dies, once; explicit calls,
# detach, peek, alive; finalizers still alive at exit run then (atexit).
import gc
import weakref


class Resource:
    def __init__(self, name):
        self.name = name


def cleanup(name, *, how="normal"):
    print("cleanup", name, how)
    return name.upper()


r1 = Resource("r1")
f1 = weakref.finalize(r1, cleanup, "r1")
print(f1.alive, f1.peek()[2:])
del r1
print(f1.alive, f1())

r2 = Resource("r2")
f2 = weakref.finalize(r2, cleanup, "r2", how="explicit")
print(f2())
print(f2(), f2.alive)

r3 = Resource("r3")
f3 = weakref.finalize(r3, cleanup, "r3")
print(f3.detach()[2:], f3.alive)
del r3
print("r3 gone without cleanup")

# In a cycle, the finalizer runs at collection.
r4 = Resource("r4")
r4.me = r4
f4 = weakref.finalize(r4, cleanup, "r4", how="cycle")
del r4
print("before collect", f4.alive)
gc.collect()
print("after collect", f4.alive)

# Left alive: runs at exit (atexit=True by default), in reverse order of
# creation; one with atexit=False does not.
keep1 = Resource("keep1")
keep2 = Resource("keep2")
keep3 = Resource("keep3")
weakref.finalize(keep1, cleanup, "keep1", how="at exit")
weakref.finalize(keep2, cleanup, "keep2", how="at exit")
f_off = weakref.finalize(keep3, cleanup, "keep3", how="never")
f_off.atexit = False
print("end of program")
