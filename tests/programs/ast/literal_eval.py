# ast.literal_eval over the literal forms and its errors.
import ast

for text in ["1", "-2.5", "1+2j", "'s'", "b'b'", "[1, (2, 3), {4}]", "{'a': [None, True, False]}",
             "()", "set()", "  42", "-(1)", "1e10", "0x10", "'a' 'b'", "(1,)"]:
    v = ast.literal_eval(text)
    print(repr(text), "->", repr(v), type(v).__name__)

for text in ["a", "f()", "1 + x", "[1, 2][0]", "{1: 2}[1]", "x.y", "1 if 2 else 3", "--x", "2 ** 3"]:
    try:
        ast.literal_eval(text)
    except ValueError as e:
        print(repr(text), "ValueError", e)
    except Exception as e:
        print(repr(text), type(e).__name__, e)
for text in ["(", "'unterminated"]:
    try:
        ast.literal_eval(text)
    except SyntaxError as e:
        print(repr(text), "SyntaxError", e.msg, e.lineno, e.offset)
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(7)))
