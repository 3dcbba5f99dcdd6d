"""Record CPython 3.14 location tables for krait's tests.

Run with the reference interpreter from the repository root:

    ../shared/bin/cpython3.14 crates/compiler/scripts/record_location_tables.py

Compiles a few standard-library modules (and snippets with long lines, wide
columns, multi-line expressions and large line jumps), walks every nested
code object and writes crates/compiler/tests/data/location_tables.txt with,
per code object: `co_firstlineno`, the number of code units, `co_linetable`,
`list(co_positions())` (run-length encoded: count*line,end_line,col,end_col
with `-` for None) and `list(co_lines())`.
"""

import importlib.util
import os
import sys

MODULES = ["textwrap", "json.decoder", "dataclasses", "argparse"]

SNIPPETS = {
    "wide": "x = 1\n" + "y = " + " + ".join("a%d" % i for i in range(60)) + "\n"
            + "z = (" + " " * 200 + "q)\n",
    "multiline": """
def f(a,
      b):
    return (a +
            b
            ) * g(
        a,
        b)
""",
    "far": "a = 1\n" + "\n" * 5000 + "b = 2\n" + "\n" * 70000 + "def g():\n    return b\n",
    "comprehensions": """
def f(xs):
    return {k: [v for v in vs if v] for k, vs in xs.items()}, lambda: (
        yield)
""",
}


def walk(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from walk(const)


def show(value):
    return "-" if value is None else str(value)


def record(lines, code):
    positions = []
    for pos in code.co_positions():
        text = ",".join(show(v) for v in pos)
        if positions and positions[-1][1] == text:
            positions[-1][0] += 1
        else:
            positions.append([1, text])
    lines.append("code %d %d %s" % (code.co_firstlineno, len(code.co_code) // 2,
                                    code.co_linetable.hex() or "-"))
    lines.append("pos " + (" ".join("%d*%s" % (n, t) for n, t in positions) or "-"))
    lines.append("lines " + (" ".join("%d,%d,%s" % (s, e, show(l))
                                      for s, e, l in code.co_lines()) or "-"))


def main():
    out_path = os.path.join(os.path.dirname(__file__), "..", "tests", "data",
                            "location_tables.txt")
    lines = ["# CPython %s location tables, recorded by crates/compiler/scripts/"
             "record_location_tables.py; do not edit" % sys.version.split()[0]]
    sources = []
    for name in MODULES:
        with open(importlib.util.find_spec(name).origin, encoding="utf-8") as f:
            sources.append((name, f.read()))
    sources.extend(SNIPPETS.items())
    for name, source in sources:
        lines.append("source " + name)
        for code in walk(compile(source, name, "exec")):
            record(lines, code)
    with open(out_path, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
