# Compiling a tree whose node has the wrong type ends with CPython's
# TypeError (and traceback).
import ast

tree = ast.Module(body=[ast.Expr(value=ast.Constant(1))], type_ignores=[])
ast.fix_missing_locations(tree)
print(eval(compile(ast.fix_missing_locations(ast.Expression(ast.Constant(41))), "<e>", "eval")) + 1)
tree.body[0].value = ast.Pass(lineno=1, col_offset=0)
compile(tree, "<bad>", "exec")
