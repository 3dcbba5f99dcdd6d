"""Prints the reference CPython's compile() result for snippets given as Python
literals on stdin, one per line: the error tuple or OK. A developer aid."""
import ast, sys
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    src = ast.literal_eval(line)
    try:
        compile(src, "<string>", "exec", ast.PyCF_ONLY_AST)
        print(line, "=> OK")
    except (SyntaxError, ValueError, MemoryError, OverflowError) as e:
        if isinstance(e, SyntaxError):
            print(line, "=>", type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
        else:
            print(line, "=>", type(e).__name__, e)
