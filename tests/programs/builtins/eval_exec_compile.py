# eval/exec/compile: namespaces, modes, errors, code objects, locals snapshots.
print(eval("  1 + 2"), eval("x + y", {"x": 1}, {"y": 2}), eval(b"3 * 4"))
ns = {}
exec("def f(n):\n    return n + 1\nresult = f(41)", ns)
print(ns["result"], "__builtins__" in ns, sorted([k for k in ns if k != "__builtins__"]))
code = compile("a * b", "<calc>", "eval")
print(type(code).__name__, code.co_filename, eval(code, {"a": 6, "b": 7}))
single = compile("print('from single')", "<s>", "single")
exec(single)
print(exec("None"), eval("[n * n for n in range(4)]"))
def scope():
    hidden = 5
    return eval("hidden * 2"), sorted(locals())
print(scope())
def closure():
    outer = 1
    def inner():
        return outer + 1
    return sorted(locals()), inner()
print(closure())
for src, mode in (("x = = 1", "exec"), ("  1", "exec"), ("if x\n", "exec")):
    try:
        compile(src, "<bad>", mode)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text))
for f in (lambda: eval("1", 5), lambda: eval("1", {}, 5), lambda: exec("1", 5), lambda: exec("1", {}, 5),
          lambda: eval(5), lambda: exec(5), lambda: compile(5, "a", "exec"), lambda: compile("1", "a", "xx")):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    eval("undefined_name_here")
except NameError as e:
    print(type(e).__name__, e)
g = {"counter": 0}
exec("counter += 1", g)
exec("counter += 1", g)
print(g["counter"], eval("counter", g))
print(globals() is eval("globals()"), eval("__name__"))
