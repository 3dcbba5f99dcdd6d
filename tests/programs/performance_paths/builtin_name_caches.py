# LOAD_GLOBAL caches must see builtins patched through the builtins module.
import builtins
saved = builtins.abs
def uses_abs(v):
    return abs(v)
print(uses_abs(-5))
builtins.abs = lambda v: "patched builtin"
print(uses_abs(-5))
builtins.abs = saved
print(uses_abs(-6))


# Same code object, different globals: the cache must not leak between them.
def make():
    return z
g1 = {"z": "first", "__builtins__": builtins}
g2 = {"z": "second", "__builtins__": builtins}
f1 = type(make)(make.__code__, g1)
f2 = type(make)(make.__code__, g2)
for _ in range(3):
    print(f1(), f2())
