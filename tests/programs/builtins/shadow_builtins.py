# Shadowing builtins with globals and locals, and restoring them via del / builtins.
import builtins
print(len("abc"))
len = lambda x: "shadowed"
print(len("abc"), builtins.len("abc"))
del len
print(len("abc"))
def local_shadow():
    max = "local max"
    return max
print(local_shadow(), max(1, 2))
builtins.custom_global_helper = lambda: "installed into builtins"
print(custom_global_helper())
del builtins.custom_global_helper
try:
    custom_global_helper()
except NameError as e:
    print(type(e).__name__, e)
print(getattr(builtins, "None", "None is not an attribute"), "open" in dir(builtins))
print(type(builtins.print).__name__, builtins.__name__)
def uses_print():
    print = lambda *a: builtins.print("wrapped:", *a)
    print("hello")
uses_print()
