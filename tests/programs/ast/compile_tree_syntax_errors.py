# SyntaxErrors the compiler raises for trees built from objects carry
# positions but no source text.
import ast
try:
    compile(ast.parse('x = 1\nreturn 1'), 'f', 'exec')
except SyntaxError as e:
    print(repr(e.msg), e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
try:
    compile(ast.parse('def f():\n  nonlocal q'), 'f', 'exec')
except SyntaxError as e:
    print(repr(e.msg), e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
