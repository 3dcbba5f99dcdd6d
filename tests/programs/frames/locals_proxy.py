# f_locals of a function frame is a write-through FrameLocalsProxy (PEP
# 667); module and class bodies give their namespace; locals() stays a
# snapshot.
import sys

def basics():
    x = 1
    p = sys._getframe().f_locals
    print(type(p).__name__, type(p).__module__)
    print(len(p), list(p), p.keys(), "x" in p, "y" in p, 1 in p)
    print(p["x"], p.get("x"), p.get("y"), p.get("y", "dflt"))
    p["x"] = 5
    print(x)
    x = 6
    print(p["x"], p.values()[0])
    y = "late"
    print(sorted(p), len(p))
    del y
    print("y" in p, sorted(p))
    print(sys._getframe().f_locals is sys._getframe().f_locals,
          sys._getframe().f_locals == sys._getframe().f_locals)

basics()

def extras():
    a = "local"
    p = sys._getframe().f_locals
    p["extra"] = 1
    p[()] = "tuple key"
    print(p["extra"], p[()], "extra" in p, len(p))
    print(list(p.keys())[-2:], p.items()[-1])
    snap = locals()
    print("extra" in snap, sorted(k for k in snap if isinstance(k, str)))
    del p["extra"]
    print("extra" in p, p.pop(()), p.pop("nothing", "default"))
    for key in ("a", "p"):
        try:
            del p[key]
        except ValueError as e:
            print("ValueError:", e)
    try:
        p.pop("a")
    except ValueError as e:
        print("ValueError:", e)
    try:
        del p["never"]
    except KeyError as e:
        print("KeyError:", repr(e))
    try:
        p.pop("never")
    except KeyError as e:
        print("KeyError:", repr(e))
    for key in ("missing", 1):
        try:
            p[key]
        except KeyError as e:
            print("KeyError:", repr(e))
    try:
        p[[]]
    except TypeError as e:
        print("TypeError:", e)
    try:
        hash(p)
    except TypeError as e:
        print("TypeError:", e)

extras()

def unbound_then_written():
    p = sys._getframe().f_locals
    print("later" in p, sorted(p))
    try:
        p["later"]
    except KeyError as e:
        print("KeyError:", repr(e))
    p["later"] = "written before assignment"
    print(later)
    later = 2
    return later

print(unbound_then_written())

def cells():
    shared = "outer"
    def inner():
        p = sys._getframe().f_locals
        print(dict(p), shared)
        p["shared"] = "changed by inner"
    inner()
    print(shared)
    p = sys._getframe().f_locals
    p["shared"] = "changed by outer"
    print(inner.__closure__[0].cell_contents)
    return inner

cells()

def argument_cell(a):
    p = sys._getframe().f_locals
    print(dict(p))
    p["a"] = "rebound"
    def g():
        return a
    return g()

print(argument_cell("arg"))

def mapping_api():
    one, two = 1, 2
    p = sys._getframe().f_locals
    print(repr(p) == repr(dict(p)), str(p) == str(dict(p)))
    print(p == {"one": 1, "two": 2, "p": p}, p != {}, p == p)
    print(type(p.copy()).__name__, sorted(p.copy()))
    print(p.setdefault("one", 100), p.setdefault("three", 3), p["three"])
    p.update({"one": 10, "four": 4})
    p.update({"two": 20})
    try:
        p.update([("two", 21)])
    except TypeError as e:
        print("TypeError:", e)
    try:
        p | [("a", 1)]
    except TypeError as e:
        print("TypeError:", e)
    print(one, two, p["four"])
    print(type(p | {}).__name__, sorted(p | {"z": 0}), sorted({"z": 0} | p))
    p |= {"two": 200}
    print(two, type(p).__name__)
    print(reversed(p)[:3], [k for k in p][:3])
    for k, v in p.items():
        if k == "one":
            print(k, v)

mapping_api()

def from_callee():
    target = "before"
    def change():
        sys._getframe(1).f_locals["target"] = "set by callee"
    change()
    return target

print(from_callee())

print(sys._getframe().f_locals is globals())

class C:
    attr = 1
    ns = sys._getframe().f_locals
    print(type(ns).__name__, ns is locals(), sorted(k for k in ns if not k.startswith("__")))

def comprehension():
    a = 1
    inside = [sorted(sys._getframe().f_locals) for x in range(1)]
    print(inside, sorted(sys._getframe().f_locals))

comprehension()

def write_to_unknown_then_read():
    p = sys._getframe().f_locals
    p["ghost"] = 1
    return p["ghost"], sys._getframe().f_locals["ghost"]

print(write_to_unknown_then_read())

def constructed():
    x = 1
    P = type(sys._getframe().f_locals)
    for args, kw in [((), {}), ((sys._getframe(), 1), {}), ((), {"frame": sys._getframe()}),
                     ((1,), {}), ((sys._getframe(),), {"k": 1})]:
        try:
            print(P(*args, **kw))
        except TypeError as e:
            print("TypeError:", e)
    print(P(sys._getframe())["x"], P(sys._getframe(1)))

constructed()

# While an inlined comprehension's variable is bound in a class or module
# body, f_locals is a proxy of the fast locals and locals() a copy of them.
class WithComprehension:
    a = 1
    seen = [(type(sys._getframe().f_locals).__name__,
             sorted(k for k in sys._getframe().f_locals if not k.startswith("__")))
            for x in range(1)]
    print(seen, type(sys._getframe().f_locals).__name__)

print([(type(sys._getframe().f_locals).__name__, "x" in sys._getframe().f_locals,
        "sys" in sys._getframe().f_locals) for x in range(1)])
print([locals()["x"] for x in range(2)], "x" in locals())
