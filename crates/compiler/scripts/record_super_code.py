"""Records CPython 3.14's bytecode for the forms of super() attribute loads.

Run with the reference interpreter from the repository root:

    ../shared/bin/cpython3.14 crates/compiler/scripts/record_super_code.py

Compiles each snippet below and writes crates/compiler/tests/data/super_code.txt
with, per code object (depth first in co_consts order): its qualified name,
`co_names` in order and `co_code` in hex. The test compares krait's code
objects for the same snippets, reading LOAD_FAST_BORROW and krait's
LOAD_FAST_CHECK as LOAD_FAST: krait emits neither the borrowing loads nor
CPython's proof that a local is bound. Calls with starred or keyword-mapping
arguments and inlined comprehensions are left out: krait lowers them with
other instructions than CPython today.
"""

import os
import sys

SNIPPETS = {
    "zero_arg": """
class B(A):
    def __init__(self, x):
        super().__init__(x)
        y = super().m
        return super().p, y
""",
    "two_arg": """
class B(A):
    def f(self):
        z = super(B, self).m()
        return super(B, self).x
""",
    "classmethod": """
class B(A):
    @classmethod
    def c(cls):
        return super().c(), super().__name__
""",
    "not_optimized": """
class B(A):
    def a(self):
        return super().__class__
    def d(self):
        return super(B).m()
    def e(*args):
        return super().m()
    def f(self):
        super = g
        return super().m()
    def i(self):
        return (lambda: super().m())
""",
    "nested": """
class B(A):
    def f(self):
        def g(z):
            return super().m()
        def h():
            return self
        return (lambda s: super().q)(self)
    def __private(self):
        return super().__private, super().__dunder__
""",
    "module_mention": """
super
class B(A):
    def f(self):
        return super().m()
""",
    "multiline": """
class B(A):
    def f(self):
        y = (super()
             .x)
        return (super()
            .m()), (super(B, self)
            .m)
""",
}


def walk(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from walk(const)


def main():
    out_path = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "super_code.txt")
    lines = ["# CPython %s super() code, recorded by crates/compiler/scripts/"
             "record_super_code.py; do not edit" % sys.version.split()[0]]
    for name, source in SNIPPETS.items():
        lines.append("snippet " + name)
        lines.extend("source " + line for line in source.splitlines())
        for code in walk(compile(source, name, "exec")):
            lines.append("code " + code.co_qualname)
            lines.append("names " + " ".join(code.co_names))
            lines.append("co_code " + code.co_code.hex())
    with open(out_path, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
