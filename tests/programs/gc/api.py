# The gc module's switches, thresholds, counts, introspection and errors.
import gc

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 5)
print(gc.get_threshold())
gc.set_threshold(2000, 10, 10)
print(gc.get_threshold())

gc.collect()
print(gc.get_count())
gc.collect(0)
print(gc.get_count())
gc.collect(1)
print(gc.get_count())
gc.collect()
print(gc.get_count())

attempt("collect(3)", lambda: gc.collect(3))
attempt("collect(-1)", lambda: gc.collect(-1))
attempt("collect('x')", lambda: gc.collect("x"))
attempt("collect(1.5)", lambda: gc.collect(1.5))
attempt("collect(True)", lambda: gc.collect(True))
attempt("collect(2**40)", lambda: gc.collect(2**40))
attempt("set_threshold()", lambda: gc.set_threshold())
attempt("set_threshold(1, 2, 3, 4)", lambda: gc.set_threshold(1, 2, 3, 4))
attempt("set_threshold('a')", lambda: gc.set_threshold("a"))
attempt("set_threshold(2**40)", lambda: gc.set_threshold(2**40))
attempt("set_threshold(-2**40)", lambda: gc.set_threshold(-2**40))
attempt("is_tracked()", lambda: gc.is_tracked())
attempt("is_tracked(1, 2)", lambda: gc.is_tracked(1, 2))
attempt("is_finalized()", lambda: gc.is_finalized())
attempt("enable(1)", lambda: gc.enable(1))
attempt("get_count(1)", lambda: gc.get_count(1))
attempt("get_objects(3)", lambda: gc.get_objects(3))
attempt("get_objects(-2)", lambda: gc.get_objects(-2))
attempt("get_objects('x')", lambda: gc.get_objects("x"))
attempt("set_debug('x')", lambda: gc.set_debug("x"))
print(gc.get_threshold())

print(gc.get_debug(), gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.garbage, gc.callbacks)
print([sorted(s) for s in gc.get_stats()])

v = [1]
w = [2]
k = ("k",)
print(gc.get_referents([v, w]), gc.get_referents((v, w)), gc.get_referents({k: v}))
print(gc.get_referents(1, "a", 2.5))

class A:
    pass

a = A()
a.x = v
print(gc.get_referents(a) == [v, A])
holder = [v]
print(any([r is holder for r in gc.get_referrers(v)]))

found = gc.get_objects()
print(any([o is holder for o in found]), any([o is v[0] for o in found]))
del found

def callback(phase, info):
    print("callback", phase, sorted(info.items()))

gc.callbacks.append(callback)
cycle = []
cycle.append(cycle)
del cycle
print("collected", gc.collect())
gc.callbacks.remove(callback)

gc.set_debug(gc.DEBUG_SAVEALL)
cycle = []
cycle.append(cycle)
del cycle
print("saved", gc.collect(), len(gc.garbage), gc.garbage[0][0] is gc.garbage[0])
gc.set_debug(0)
gc.garbage[0].clear()
gc.garbage.clear()
print(gc.collect())
