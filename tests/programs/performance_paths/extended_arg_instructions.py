# Instructions with EXTENDED_ARG prefixes in hot code: more than 256
# locals and constants, jumps over long bodies, attribute access on a
# high-numbered local, errors and tracebacks from inside such code, a
# generator whose body needs prefixes.
import sys


class Point:
    def __init__(self, x):
        self.x = x


def build(name, body_lines, params=""):
    source = f"def {name}({params}):\n" + "".join("    " + line + "\n" for line in body_lines)
    namespace = {"Point": Point}
    exec(source, namespace)
    return namespace[name]


# 300 locals, the last ones read through prefixed LOAD_FAST.
lines = [f"v{i} = {i} * 1.5" for i in range(300)]
lines += ["p = Point(v299)", "total = 0.0"]
lines += ["for k in range(50):"]
# A loop body long enough that its backward jump needs a prefix.
lines += [f"    total += v{i} + p.x" for i in range(250, 300)]
lines += ["    if total > 1e9:", "        break"]
lines += ["return total, p.x, v299"]
many_locals = build("many_locals", lines)
print(many_locals())

# More than 256 distinct constants: LOAD_CONST with a prefix.
consts = [f"x = x + {i}.25" for i in range(300)]
many_consts = build("many_consts", ["x = 0.0"] + consts + ["return x"])
print(many_consts())

# A forward conditional jump over a long body, taken and not taken.
body = [f"    y = y + {i}" for i in range(400)]
jumpy = build("jumpy", ["y = 0", "if flag:"] + body + ["return y"], "flag")
print(jumpy(True), jumpy(False))

# An error raised after prefixed instructions: the traceback's line.
failing = build("failing", [f"a{i} = {i}" for i in range(300)] + ["return a299 / (a0 * 0)"])
try:
    failing()
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    print(type(e).__name__, e, tb.tb_lineno, tb.tb_lasti >= 0)

# A generator with prefixed instructions in its loop.
gen_lines = [f"w{i} = {i}" for i in range(280)]
gen_lines += ["for j in range(n):", "    yield w279 + j + w270"]
gen = build("gen", gen_lines, "n")
print(sum(gen(1000)), list(gen(3)))

# The frame's position while running prefixed code.
probe = build(
    "probe",
    [f"c{i} = {i}" for i in range(270)] + ["f = sys._getframe()", "return f.f_lineno, c269"],
)
probe.__globals__["sys"] = sys
print(probe())
