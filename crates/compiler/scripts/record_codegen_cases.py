"""Records CPython 3.14's code objects for the code generator's unit tests.

Run with the reference interpreter from the repository root:
    ../shared/bin/cpython3.14 crates/compiler/scripts/record_codegen_cases.py

Each case is a small program; the expectation is the dump of
compile(source, "<case>", "exec") in the format of
crates/compiler/src/codegen/dump.rs (see xtask/scripts/code_reference.py),
or the error CPython raises. Writes crates/compiler/src/codegen/testdata/cases.txt.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "xtask", "scripts"))
import code_reference  # noqa: E402

CASES = [
    "x = 1\n",
    "def f(a, /, b, *c, d, **e):\n    x = 1\n    def g():\n        return x + a\n    return g\n",
    "class C:\n    def m(self):\n        return __class__\n    z: int = 1\n",
    "import a.b.c as d\nfrom .m import x as y\n",
    "def f():\n    return [i for i in range(3) if i]\n",
    "[i for i in range(3)]\ni = 0\n",
    "class C:\n    y = 1\n    x = [range(y) for i in z]\n",
    "def g():\n    yield 1\n    yield from h\n",
    "async def f():\n    async for x in y:\n        await x\n    async with a as b:\n        pass\n",
    "def f[T: int](x: T) -> T:\n    return x\n",
    "class B[T](A, metaclass=M):\n    pass\n",
    "type X[T] = list[T]\n",
    "match x:\n    case [1, *r] | (2, *r):\n        pass\n    case {'k': v, **kw}:\n        pass\n    case C(a, b=c):\n        pass\n",
    "import sys\nif sys:\n    x: int = 1\ny: str\n",
    "from __future__ import annotations\ndef f(a: int) -> str:\n    pass\n",
    "if 0:\n    def dead():\n        pass\n",
    "try:\n    pass\nexcept* E as e:\n    pass\n",
    "return 1\n",
    "break\n",
    "def f():\n    continue\n",
    "f(a=1, a=2)\n",
    "a, *b, *c = d\n",
    "*a = b\n",
    "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
    "try:\n    pass\nexcept* E:\n    break\n",
    "async def f():\n    yield from g\n",
    "async def f():\n    yield 1\n    return 2\n",
    "match x:\n    case a:\n        pass\n    case b:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case [a, *b, *c]:\n        pass\n",
    "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
    "match x:\n    case C(x=1, x=2):\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case a | [b]:\n        pass\n",
]


def main():
    out = []
    for source in CASES:
        out.append("=== case\n" + source + "=== expect\n" + code_reference.describe(source, "<case>"))
    target = os.path.join(os.path.dirname(__file__), "..", "src", "codegen", "testdata", "cases.txt")
    with open(target, "w", encoding="utf-8") as f:
        f.write("".join(out))


if __name__ == "__main__":
    main()
