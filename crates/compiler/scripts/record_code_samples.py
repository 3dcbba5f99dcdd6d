"""Record CPython 3.14 bytecode and exception tables for krait's tests.

Run with the reference interpreter from the repository root:

    ../shared/bin/cpython3.14 crates/compiler/scripts/record_code_samples.py

Compiles the snippets below (try/except/finally/with nesting, async code,
loops, a function long enough to need EXTENDED_ARG jumps), walks every nested
code object and writes crates/compiler/tests/data/code_samples.txt with, per
code object: `co_code`, what `dis` decodes from it (offset, start offset,
opcode, oparg, jump target), `co_exceptiontable` and the entries
`dis._parse_exception_table` reads from it.
"""

import dis
import os
import sys

SNIPPETS = {
    "try_except": """
try:
    a()
except ValueError as e:
    b(e)
except (TypeError, KeyError):
    c()
else:
    d()
""",
    "try_finally": """
def f(x):
    try:
        return g(x)
    finally:
        h()
""",
    "nested": """
def f(items):
    for i in items:
        try:
            with open(i) as fh, lock:
                try:
                    fh.read()
                except* OSError:
                    pass
        except Exception:
            continue
        finally:
            print(i)
    return [x for x in items if x]
""",
    "async": """
async def f(s):
    async with s as t:
        async for x in t:
            await x
    try:
        yield 1
    except GeneratorExit:
        raise
""",
    "generator_and_class": """
class C:
    def m(self):
        yield from range(3)
    def n(self):
        return (i * 2 for i in self if i)
""",
    "match": """
def f(p):
    match p:
        case [1, 2, *rest]:
            return rest
        case {"k": v, **kw}:
            return v
        case Point(x=0, y=y) if y > 0:
            return y
        case _:
            return None
""",
    "long_jumps": "def f(x):\n    while x:\n" + "".join(
        "        if x == %d:\n            x = g(x, %d)\n" % (i, i) for i in range(120)
    ) + "    return x\n",
    "many_names": "def f():\n" + "".join(
        "    v%d = w%d\n" % (i, i) for i in range(300)
    ) + "    return v299\n",
}


def walk(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from walk(const)


def main():
    out_path = os.path.join(os.path.dirname(__file__), "..", "tests", "data",
                            "code_samples.txt")
    lines = ["# CPython %s bytecode samples, recorded by crates/compiler/scripts/"
             "record_code_samples.py; do not edit" % sys.version.split()[0]]
    for name, source in SNIPPETS.items():
        for code in walk(compile(source, name, "exec")):
            lines.append("code %s %s" % (name, code.co_qualname))
            lines.append("co_code " + code.co_code.hex())
            for offset, start, op, arg in dis._unpack_opargs(code.co_code):
                target = None if arg is None else dis._get_jump_target(op, arg, offset)
                lines.append("insn %d %d %d %s %s" % (
                    offset, start, op, "-" if arg is None else arg,
                    "-" if target is None else target))
            lines.append("exctable " + (code.co_exceptiontable.hex() or "-"))
            for e in dis._parse_exception_table(code):
                lines.append("entry %d %d %d %d %d" % (
                    e.start, e.end, e.target, e.depth, int(e.lasti)))
    with open(out_path, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
