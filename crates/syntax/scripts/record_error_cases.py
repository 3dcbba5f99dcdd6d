"""Records the reference CPython's errors for snippets into a Rust test table.

Run: /work/shared/bin/cpython3.14 record_error_cases.py CASES.txt NAME > ../src/OUT.rs
CASES.txt holds one Python expression per line evaluating to the source text.
Each case compiles with ast.PyCF_ONLY_AST; the table holds the source and
(class, msg, lineno, offset, end_lineno, end_offset), or None when it parses.
"""
import ast, sys

def rust_str(s):
    out = []
    for c in s:
        if c == '"' or c == '\\':
            out.append('\\' + c)
        elif 32 <= ord(c) < 127:
            out.append(c)
        else:
            out.append(f'\\u{{{ord(c):x}}}')
    return '"' + ''.join(out) + '"'

def opt(v):
    return "None" if v is None else f"Some({v})"

path, name = sys.argv[1], sys.argv[2]
print(f"//! Error cases recorded from the reference CPython by `scripts/record_error_cases.py`")
print(f"//! from `scripts/{path.split('/')[-1]}` (do not edit by hand).")
print()
print("/// (source, Some((class, msg, lineno, offset, end_lineno, end_offset)) or None when valid)")
print("#[allow(clippy::type_complexity)]")
print(f"pub const {name}: &[(&str, Option<(&str, &str, Option<u32>, Option<i32>, Option<u32>, Option<i32>)>)] = &[")
for line in open(path, encoding="utf-8"):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    src = eval(line)
    try:
        compile(src, "<string>", "exec", ast.PyCF_ONLY_AST)
        print(f"    ({rust_str(src)}, None),")
    except SyntaxError as e:
        print(f"    ({rust_str(src)}, Some(({rust_str(type(e).__name__)}, {rust_str(e.msg)}, {opt(e.lineno)}, {opt(e.offset)}, {opt(e.end_lineno)}, {opt(e.end_offset)}))),")
    except MemoryError as e:
        print(f"    ({rust_str(src)}, Some((\"MemoryError\", {rust_str(str(e))}, None, None, None, None))),")
print("];")
