"""Records the instruction sequences CPython 3.14 emits for small functions
into crates/compiler/src/codegen/testdata/flowgraph_cases.txt, for the
flow-graph unit test. Run with CPython 3.14:

    ../shared/bin/cpython3.14 crates/compiler/scripts/record_flowgraph_cases.py

The borrowed-load variants are written as plain loads (krait does not
emit them yet). Each case: the source, then one `OPNAME ARG` line per
instruction of the function `f` (caches left out).
"""
import dis
import os

CASES = [
    "def f(a, b):\n    if a < b:\n        return 1\n    return 2\n",
    "def f(x):\n    if x is None:\n        return 0\n    return x\n",
    "def f(x):\n    if x is not None:\n        return 0\n    return x\n",
    "def f(a, b):\n    a, b = b, a\n    return a\n",
    "def f(n):\n    for i in range(n):\n        last = i\n    return last\n",
    "def f(x, s):\n    return x not in s\n",
    "def f(x, s):\n    if not x in s:\n        return 1\n    return 2\n",
    "def f(a):\n    b = a\n    return b\n",
    "def f(flag):\n    x = 1\n    if flag:\n        del x\n    return x\n",
    # A jump to a small exit block becomes a copy of it.
    "def f(a):\n    if a:\n        a = 2\n    else:\n        a = 3\n",
    "def f(g, E):\n    x = 1\n    try:\n        g()\n    except E:\n        pass\n    return x\n",
    # A jump to a jump on the same line goes straight to the second target.
    "def f(a, b):\n    return (a or b) if a else b\n",
    # The `try` line is a NOP; the `with` line is carried by its first
    # instruction.
    "def f(g):\n    try:\n        g()\n    finally:\n        g()\n",
    "def f(m):\n    with m:\n        pass\n",
    # The RESUME after a yield under only the generator's own handler
    # carries the depth-1 bit (5); under a try it does not (1).
    "def f(a):\n    yield a\n    try:\n        yield 2\n    except E:\n        pass\n",
    # Small ints keep their slot in co_consts (visible in LOAD_CONST args).
    "def f():\n    x = 1\n    return 'a'\n",
    # A folded tuple or operator takes a slot after every literal.
    "def f(x):\n    if x in (7, 8, 'a'):\n        return -x\n    return (x, 'b', -3.5, 2 ** 10)\n",
]

PLAIN = {
    "LOAD_FAST_BORROW": "LOAD_FAST",
    "LOAD_FAST_BORROW_LOAD_FAST_BORROW": "LOAD_FAST_LOAD_FAST",
}

def main():
    out = []
    for source in CASES:
        namespace = {}
        exec(compile(source, "<case>", "exec"), namespace)
        out.append("=== case\n" + source + "=== expect\n")
        for instr in dis.get_instructions(namespace["f"]):
            name = PLAIN.get(instr.opname, instr.opname)
            out.append(f"{name} {instr.arg if instr.arg is not None else 0}\n")
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "src", "codegen", "testdata", "flowgraph_cases.txt")
    with open(path, "w") as f:
        f.write("".join(out))

main()
