# A suspended generator in a cycle through its globals dict, its frame
# object kept from outside: collecting the cycle must not clear the
# globals the frame object still shows. Also: the same without the frame
# object (the cycle is collected), a generator suspended inside try/finally
# (its finally runs at collection), and a frame object taken then dropped.
import gc

SOURCE = '''
log = []
def gen():
    x = 1
    yield x
    yield 2
def guarded():
    try:
        yield 1
    finally:
        log.append("finally ran")
g = gen()
next(g)
h = guarded()
next(h)
'''

def make():
    ns = {}
    exec(SOURCE, ns)
    return ns

ns = make()
frame = ns["g"].gi_frame
log = ns["log"]
del ns
gc.collect()
print(sorted(k for k in frame.f_globals if not k.startswith("__")))
print(frame.f_locals, frame.f_lineno)
print(log)
del frame
gc.collect()

ns = make()
log = ns["log"]
import weakref
alive = weakref.ref(ns["gen"])
del ns
print(gc.collect() > 0, alive() is None, log)

ns = make()
ns["g"].gi_frame
alive = weakref.ref(ns["gen"])
del ns
gc.collect()
print(alive() is None)

ns = make()
hframe = ns["h"].gi_frame
log = ns["log"]
del ns
gc.collect()
print(log, sorted(k for k in hframe.f_globals if not k.startswith("__")))
