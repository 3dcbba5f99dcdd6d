"""Compares krait's AST dumps with the reference CPython for stdlib files.

Run from the workspace root with the reference interpreter:
  cpython3.14 crates/syntax/scripts/compare_ast.py [FILES...]
Writes the reference dumps (ast.dump(..., include_attributes=True), or the
error as "Class: msg (Some(lineno), Some(offset))") to /tmp/krait_ref_dumps,
then runs target/release/examples/compare_ast over them.
"""
import ast, os, subprocess, sys

paths = sys.argv[1:]
if not paths:
    root = os.path.join(subprocess.check_output(["/work/shared/bin/cpython3.14", "--where"], text=True).strip(), "usr/lib/python3.14")
    for d, _, files in os.walk(root):
        paths += [os.path.join(d, f) for f in files if f.endswith(".py") and os.path.isfile(os.path.join(d, f))]
paths.sort()
out = "/tmp/krait_ref_dumps"
os.makedirs(out, exist_ok=True)
for i, p in enumerate(paths):
    with open(p, "rb") as f:
        src = f.read()
    try:
        text = ast.dump(compile(src, p, "exec", ast.PyCF_ONLY_AST), include_attributes=True)
    except SyntaxError as e:
        opt = lambda v: "None" if v is None else f"Some({v})"
        text = f"{type(e).__name__}: {e.msg} ({opt(e.lineno)}, {opt(e.offset)})"
    with open(f"{out}/{i}.txt", "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(text)
subprocess.run(["target/release/examples/compare_ast", out, *paths])
