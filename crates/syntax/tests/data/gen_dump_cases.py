"""Records, for many small Python sources, CPython's AST in a compact
serialized form and the text of ast.dump(tree, include_attributes=True),
into dump_cases.txt; tests/dump.rs rebuilds each tree with krait's types and
checks that krait's dump prints the same text.

Run with the reference interpreter:
    /work/shared/bin/cpython3.14 crates/syntax/tests/data/gen_dump_cases.py [FILES OR DIRECTORIES...]

With arguments it serializes those files (and the *.py files under those
directories) instead (e.g. a whole stdlib,
for tests/dump.rs's corpus test via KRAIT_DUMP_CORPUS) and writes to the path
in the environment variable OUT.

Record format, four lines each:
    === <mode> <name>
    <source as hex UTF-8>
    <tree>
    <dump>
Tree syntax: `(Class field... @lineno,col,end_lineno,end_col)` with fields in
CPython's order (the `@` part only for nodes with positions); `[ ... ]` a list;
`~` None; `T`/`F` True/False; `E` Ellipsis; `i<decimal>` int; `f<hex bits>`
float; `j<hex bits>` imaginary; `'<hex code points joined by .>` str;
`b<hex>` bytes. Items are separated by single spaces.
"""

import ast
import os
import pathlib
import struct
import sys

assert sys.version_info[:2] == (3, 14), "run with CPython 3.14"
sys.set_int_max_str_digits(0)


def ser(v, out):
    if isinstance(v, ast.AST):
        out.append("(" + type(v).__name__)
        for name in v._fields:
            ser(getattr(v, name), out)
        if v._attributes:
            out.append("@%d,%d,%d,%d" % (v.lineno, v.col_offset, v.end_lineno, v.end_col_offset))
        out.append(")")
    elif isinstance(v, list):
        out.append("[")
        for x in v:
            ser(x, out)
        out.append("]")
    elif v is None:
        out.append("~")
    elif v is True:
        out.append("T")
    elif v is False:
        out.append("F")
    elif v is Ellipsis:
        out.append("E")
    elif isinstance(v, int):
        out.append("i%d" % v)
    elif isinstance(v, float):
        out.append("f%016x" % struct.unpack("<Q", struct.pack("<d", v))[0])
    elif isinstance(v, complex):
        assert v.real == 0.0
        out.append("j%016x" % struct.unpack("<Q", struct.pack("<d", v.imag))[0])
    elif isinstance(v, str):
        out.append("'" + ".".join("%x" % ord(c) for c in v))
    elif isinstance(v, bytes):
        out.append("b" + v.hex())
    else:
        raise TypeError(type(v))


def record(mode, name, source):
    tree = ast.parse(source, mode=mode, type_comments=(mode == "func_type"))
    parts = []
    ser(tree, parts)
    return "\n".join([
        f"=== {mode} {name}",
        source.encode("utf-8", "surrogatepass").hex(),
        " ".join(parts),
        ast.dump(tree, include_attributes=True),
    ])


SNIPPETS = [
    ("exec", "empty", ""),
    ("exec", "names", "x\ny = z\ndel a, b[0], c.d\n"),
    ("exec", "constants", "None; True; False; ...; 0; 42; 0x7f; 0o17; 0b101; 1_000\n"
     "9223372036854775808; 0xffffffffffffffffffffffff; 0o777777777777777777777777; 0b" + "1" * 70 + "\n"
     "1" * 120 + "\n"
     "0.1; 1e16; 1e-5; 1.5; 1e400; 5e-324; 1.7976931348623157e308; 123456789012345678.0; 0.0001; 1e22\n"
     "2j; 1.5j; 0j; 1e20J; 1e400j\n"),
    ("exec", "strings", "'a'; \"it's\"; 'say \"hi\"'; u'unicode'; b'bytes\\x00\\xff'; b\"'\"\n"
     "'\\n\\t\\r\\x00\\x7f'; '\\udc80\\ud83d\\ude00'; '\U0001f600'; 'e\\u0301'; '\\u2028\\ufeff'\n"
     "'\\u0378\\U000e0001\\xa0\\xad'; 'a' 'b' \"c\"; '''tri\nple'''; r'\\d+'; '日本語'\n"),
    ("exec", "unicode_positions", "é = 'ü' + ñ  # comment\nλ(α, β=γ)\n"),
    ("exec", "operators", "a + b - c * d / e // f % g ** h @ i\na << b >> c | d ^ e & f\n"
     "-a; +b; ~c; not d\na and b and c or d\na < b <= c > d >= e == f != g is h is not i in j not in k\n"
     "a += 1; b -= 2; c *= 3; d @= 4; e /= 5; f //= 6; g %= 7; h **= 8; i <<= 9; j >>= 10; k |= 11; l ^= 12; m &= 13\n"),
    ("exec", "collections", "[1, 2]; (1, 2); (); []; {1, 2}; {}; {1: 2, **d, 3: 4}; 1,\n"
     "[*a, *b]; a, *b = c; [a, b] = c\n"),
    ("exec", "comprehensions", "[x for x in y if x if z]; {x for x in y}; {k: v for k, v in d.items()}\n"
     "(x for x in y for z in x); [x async for x in y]\n"),
    ("exec", "calls", "f(); f(a, b, *c, d=1, **e); f(x for x in y); a.b.c(d)[e]; x[1:2, ::3, a:]; x[:]\n"),
    ("exec", "lambda_ifexp_walrus", "lambda: 0\nlambda a, /, b=1, *c, d, e=2, **f: a\n"
     "a if b else c\n(y := f(x))\n"),
    ("exec", "functions",
     "@dec\n@dec2(arg)\ndef f(a: int, b: str = 'x', /, c=1, *args: int, d, e=2, **kw) -> bool:\n"
     "    '''doc'''\n    return\n\nasync def g():\n    await x\n    async for a in b: pass\n"
     "    async with c as d, e: pass\n    yield\n    yield a\n    x = yield from b\n\n"
     "def h[T, *Ts, **P](x: T) -> T: pass\n"
     "def k[T: int = str, U: (int, str), *Ts = *tuple[int], **P = [int]](): global g; nonlocal n, m\n"),
    ("exec", "classes", "@d\nclass A(B, C, metaclass=M, **kw):\n    x: int = 1\n    y: 'str'\n"
     "    (z): int\n    a.b: c\n\nclass D[T]: pass\nclass E(): ...\n"),
    ("exec", "control_flow", "if a:\n    pass\nelif b:\n    break\nelse:\n    continue\n"
     "while x:\n    pass\nelse:\n    pass\nfor i, j in k:\n    pass\nelse:\n    pass\n"
     "with open(f) as g, h:\n    pass\nwith (a as b, c as d,):\n    pass\n"),
    ("exec", "exceptions", "try:\n    pass\nexcept ValueError as e:\n    raise\nexcept (A, B):\n"
     "    raise X from Y\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n"
     "try:\n    pass\nexcept* E as g:\n    pass\ntry:\n    pass\nfinally:\n    pass\n"
     "assert x\nassert x, 'msg'\ntry:\n    pass\nexcept A, B:\n    pass\n"),
    ("exec", "imports", "import a\nimport a.b.c as d, e\nfrom x import y\nfrom . import z as w\n"
     "from ..m.n import (p, q as r)\nfrom .... import *\n"),
    ("exec", "match", "match x:\n    case 1 | 2.5 | -3 | 1+2j | 'a' 'c' | b'b':\n        pass\n"
     "    case None | True | False:\n        pass\n    case [a, *rest, _] if a > 0:\n        pass\n"
     "    case (a, b) | [] | ():\n        pass\n    case {'k': v, 1: _, **kw}:\n        pass\n"
     "    case {}:\n        pass\n    case Point(x, y=0, z=(a as b)):\n        pass\n"
     "    case m.C():\n        pass\n    case [*_]:\n        pass\n    case a.b.c as d:\n        pass\n"
     "    case _:\n        pass\n"),
    ("exec", "fstrings", "f'a{b}c{d!r:>{e}}{f=}{g!s}{h!a:x}'\nf'{x:{y}.{z}f}' 'tail'\n"
     "f'''{\n  a\n}'''\nf'{{}}'\nf''\nu'u' 'v'\nf'{a}' f'{b}'\n"),
    ("exec", "tstrings", "t'a{b}c{d!r:>{e}}{f=}'\nt''\nt'{x:{y}}' t'z'\nt'{ a + b = }'\n"),
    ("exec", "type_alias", "type X = int\ntype Y[T] = list[T]\ntype Z[*Ts, **P] = tuple[*Ts]\n"),
    ("exec", "misc_statements", "pass; x = y = z\nx: int\nprint(*a, sep='')\n"
     "del x\nglobal a, b\n"),
    ("exec", "line_endings", "a = 1\r\nb = 2\rc = (\r\n 3)\n"),
    ("eval", "eval_mode", "a + 1"),
    ("eval", "eval_lambda", "lambda *, k: k"),
    ("single", "single_mode", "x = 1\n"),
    ("single", "single_compound", "if a:\n    b\n\n"),
    ("func_type", "func_type_mode", "(int, *str, **bytes) -> None"),
    ("func_type", "func_type_empty", "() -> int"),
]


def main():
    if len(sys.argv) > 1:
        records = []
        paths = []
        for arg in sys.argv[1:]:
            p = pathlib.Path(arg)
            paths.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p])
        for path in paths:
            try:
                source = pathlib.Path(path).read_bytes().decode("utf-8")
                records.append(record("exec", path, source))
            except (OSError, SyntaxError, UnicodeDecodeError, ValueError, RecursionError):
                continue
        out = pathlib.Path(os.environ["OUT"])
    else:
        records = [record(mode, name, src) for mode, name, src in SNIPPETS]
        out = pathlib.Path(__file__).resolve().parent / "dump_cases.txt"
    out.write_text("\n".join(records) + "\n", encoding="utf-8")
    print(f"wrote {len(records)} records to {out}")


main()
