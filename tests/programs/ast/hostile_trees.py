import ast, time
t0 = time.time()
src = open(ast.__file__).read()
tree = ast.parse(src)
print(len(list(ast.walk(tree))))
code = compile(tree, ast.__file__, 'exec')
print(type(code).__name__)

e = ast.Expression(ast.Constant(1, lineno=1, col_offset=0))
b = ast.BinOp(ast.Constant(1, lineno=1, col_offset=0), ast.Add(), None, lineno=1, col_offset=0)
b.right = b
try:
    compile(ast.Expression(b), 'c', 'eval')
except RecursionError as ex:
    print('RecursionError')
x = ast.Name('x', ast.Load(), lineno=1, col_offset=0)
for i in range(200):
    x = ast.UnaryOp(ast.USub(), x, lineno=1, col_offset=0)
print(eval(compile(ast.Expression(x), 'd', 'eval'), {'x': 3}))
n = ast.Name('x', ast.Load(), lineno=10**9, col_offset=10**7, end_lineno=None, end_col_offset=None)
try:
    print(eval(compile(ast.Expression(n), 'd', 'eval'), {'x': 5}))
except Exception as ex:
    print(type(ex).__name__, ex)
n = ast.Name('x', ast.Load(), lineno=-5, col_offset=-3)
try:
    print(eval(compile(ast.Expression(n), 'd', 'eval'), {'x': 5}))
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    compile(ast.Expression(ast.Name('x', ast.Load(), lineno='a', col_offset=0)), 'd', 'eval')
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    compile(ast.Expression(ast.Constant(10**100, lineno=1, col_offset=0)), 'd', 'eval')
except Exception as ex:
    print(type(ex).__name__, ex)
print(eval(compile(ast.Expression(ast.Constant(10**100, lineno=1, col_offset=0)), 'd', 'eval')) == 10**100)
print(eval(compile(ast.Expression(ast.Constant('\udc80', lineno=1, col_offset=0)), 'd', 'eval')) == '\udc80')
print(ast.dump(ast.parse('"\\udc80"')))
print(time.time() - t0 < 100)
