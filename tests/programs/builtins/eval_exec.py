# eval and exec with explicit namespaces.
print(eval("1 + 2 * 3"))
ns = {"x": 10}
print(eval("x * 2", ns))
exec("y = x + 5\ndef sq(n):\n    return n * n", ns)
print(ns["y"], ns["sq"](7))
local_ns = {}
exec("z = 3", {}, local_ns)
print(local_ns)
print(eval("[i * i for i in range(4)]"))
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    eval("undefined_name")
except NameError as e:
    print(type(e).__name__, e)
code = compile("a + b", "<expr>", "eval")
print(eval(code, {"a": 1, "b": 2}), code.co_filename)
print(exec("1 + 1"))
