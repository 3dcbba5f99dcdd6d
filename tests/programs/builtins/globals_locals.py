# globals() and locals() contents.
x = 1
def f(a):
    b = a + 1
    return sorted(locals().items())
print(f(5))
g = globals()
print(g["x"], "f" in g, g["__name__"])
g["created_dynamically"] = "hello"
print(created_dynamically)
print(locals() is globals())
class C:
    y = 2
    names = sorted(k for k in locals() if not k.startswith("__"))
print(C.names)
def snapshot():
    v = 1
    snap = locals()
    v = 2
    return snap["v"], locals()["v"]
print(snapshot())
