# LOAD_GLOBAL sites are cached; every way of changing what a name means must
# be seen by the next execution of the same instruction.
def get_x():
    return x

x = 1
print(get_x())
x = 2
print(get_x())
globals()["x"] = 3
print(get_x())
del x
try:
    get_x()
except NameError as e:
    print("NameError:", e)

def uses_len(s):
    return len(s)

print(uses_len("abc"))
len = lambda s: "shadowed"
print(uses_len("abc"))
del len
print(uses_len("abcd"))

code = compile("def f():\n    return y\n", "<cached>", "exec")
for value in range(3):
    namespace = {"y": value * 10}
    exec(code, namespace)
    print(namespace["f"]())
