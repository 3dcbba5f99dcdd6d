"""Records CPython's symbol tables for krait's symtable unit tests.

Run by the reference CPython 3.14:
    ../shared/bin/cpython3.14 xtask/scripts/record_symtable_cases.py

Writes crates/compiler/src/symtable/testdata/cases.txt: for each source in
CASES, a "=== case" line, the source, a "--- expect" line, then either the
dump (format of crates/compiler/src/symtable/dump.rs, made by
symtable_reference.py) or "ERROR <class> <lineno> <offset> <end_lineno>
<end_offset>" and the message on the next line.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import symtable
import symtable_reference

CASES = [
    # Closures: cells, free variables, nonlocal, global.
    "def f(a):\n    b = 1\n    def g():\n        nonlocal b\n        b = a\n        global c\n        c = b\n    return g\n",
    # super() and __class__ in methods, private names.
    "class C:\n    __x = 1\n    def m(self):\n        return super().m(self.__x)\n    def __dunder__(self): pass\n",
    # Comprehensions: inlined list/set/dict, generator expressions kept.
    "def f(xs, k):\n    a = [x * k for x in xs]\n    b = {x: [y for y in x] for x in xs}\n    c = (x for x in xs if k)\n    d = [lambda: x for x in xs]\n",
    # Walrus inside comprehensions binds in the enclosing function or module.
    "def f(xs):\n    [y := x for x in xs]\n    return y\n[z := 1 for q in range(3)]\n",
    # Comprehension in a class body, and __class__ inside it.
    "class C:\n    v = 1\n    xs = [v for _ in range(3)]\n    def m(self):\n        return [__class__ for _ in range(1)]\n",
    # PEP 695: generic function, class, type alias; bounds and defaults.
    "def f[T: int, *Ts = (), **P](x: T, *a: Ts, k=1, **kw: P) -> T: pass\nclass C[__T, U: (int, str) = int](Base[__T]):\n    def m(self) -> U: return self\ntype A[V] = list[V]\n",
    # PEP 695 inside a class body sees the class's names.
    "class Outer:\n    X = int\n    type Alias = X\n    def g[T: X](self): pass\n",
    # PEP 649/749: annotations, conditional annotations.
    "x: int = 1\nif x:\n    y: str\nclass C:\n    a: int\n    if a:\n        b: str\n    def m(self, p: 'C') -> None:\n        q: int = 2\n",
    # from __future__ import annotations: annotation scopes are detached.
    "from __future__ import annotations\nx: int\nclass C:\n    y: D\ndef f(a: E) -> F: pass\n",
    # Imports, del, augmented assignment, try/except, with, match.
    "import os.path, sys as system\nfrom a import b as c\ndel d\ne += 1\ntry:\n    pass\nexcept E as err:\n    pass\nwith open() as (f, g):\n    pass\nmatch m:\n    case [h, *rest] | {'k': h, **rest}:\n        pass\n    case C(attr=i) as j:\n        pass\n",
    # Async: await, async comprehensions, async for/with.
    "async def f(xs):\n    await g()\n    [x async for x in xs]\n    async for y in xs:\n        pass\n    async with z:\n        pass\n    return (await w for w in xs)\n",
    # Lambdas, defaults, keyword-only, nested functions named 'top'.
    "def top(a, /, b=1, *args, c, d=2, **kw):\n    return lambda e=a: e + b\n",
    # Class nested in function: free class variables.
    "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n",
    # Errors from the symbol table.
    "def f(a, b, a):\n    pass\n",
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    nonlocal x\n",
    "nonlocal x\n",
    "def f():\n    def g():\n        nonlocal y\n",
    "def f():\n    from os import *\n",
    "[i := 0 for i in range(3)]\n",
    "class A:\n    [(y := x) for x in range(3)]\n",
    "[x for x in (y := [1])]\n",
    "def f():\n    [(yield x) for x in y]\n",
    "def f():\n    (x for x in (yield))\n    ((yield) for x in y)\n",
    "async def f():\n    g = lambda: await y\n",
    "await x\n",
    "def f():\n    async with x:\n        pass\n",
    "def f(x):\n    x: int\n    global x\n",
    "def f():\n    x: int\n    global x\n",
    "def f(x):\n    global x\n",
    "def f():\n    global x\n    x: int = 1\n",
    "class C[__classdict__]: pass\n",
    "def f[T, T](): pass\n",
    "type A = (yield)\n",
    "class C[T: (x := 1)]: pass\n",
    "def f(x: (yield)): pass\n",
    "def f(__debug__): pass\n",
    "del __debug__\n",
    "f(__debug__=1)\n",
    "from __future__ import braces\n",
    "from __future__ import nope\n",
    "import os\nfrom __future__ import annotations\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
    "def f():\n    [x for x in y for y in (z := w)]\n",
    "def f(é, é): pass\n",
]


def main():
    out = []
    for source in CASES:
        out.append("=== case")
        out.append(source.rstrip("\n"))
        out.append("--- expect")
        try:
            top = symtable.symtable(source, "case.py", "exec")
        except SyntaxError as error:
            out.append(
                f"ERROR {type(error).__name__} {error.lineno} {error.offset} "
                f"{error.end_lineno} {error.end_offset}"
            )
            out.append(error.msg)
            continue
        lines = []
        symtable_reference.dump(top, lines)
        out.extend(lines)
    out.append("=== end")
    target = os.path.join(
        os.path.dirname(__file__), "..", "..", "crates", "compiler", "src",
        "symtable", "testdata", "cases.txt",
    )
    with open(target, "w", encoding="utf-8") as file:
        file.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
