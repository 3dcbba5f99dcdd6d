import ast
src = '''
def f(a, b=2, *args, c, **kw):
    return [a + b * i for i in range(c)] + list(args)
class C:
    x = 1
    def m(self): return self.x
r = f(1, 2, 3, c=3)
print(r, C().m())
try:
    1/0
except ZeroDivisionError as e:
    print('caught', e)
first, *rest = r; print(first, rest)
print(f"{r[0]!r:>5}")
'''
t = ast.parse(src)
exec(compile(t, '<ast>', 'exec'))
class Rename(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == 'r':
            return ast.copy_location(ast.Name('renamed', node.ctx), node)
        return node
    def visit_Constant(self, node):
        if node.value == 1:
            return ast.Constant(100)
        return node
t2 = ast.fix_missing_locations(Rename().visit(ast.parse(src)))
ns = {}
exec(compile(t2, 'x', 'exec'), ns)
print(ns['renamed'])
print(eval(compile(ast.Expression(ast.BinOp(ast.Constant(2, lineno=1, col_offset=0), ast.Mult(), ast.Constant(21, lineno=1, col_offset=4), lineno=1, col_offset=0)), '<e>', 'eval')))
e = ast.Expression(body=ast.BinOp(left=ast.Constant(2), op=ast.Mult(), right=ast.Constant(21)))
print(eval(compile(ast.fix_missing_locations(e), '<e>', 'eval')))
m = ast.Module([ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Constant('hi')], []))], [])
exec(compile(ast.fix_missing_locations(m), '<m>', 'exec'))
tree = compile('x + 1', '<s>', 'eval', ast.PyCF_ONLY_AST)
print(type(tree).__name__, compile(tree, '<s>', 'eval', ast.PyCF_ONLY_AST) is tree)
code = compile(ast.parse('def g():\n  raise ValueError("boom")\n'), 'gen.py', 'exec')
ns = {}
exec(code, ns)
try:
    ns['g']()
except ValueError as ex:
    print(ex.__traceback__.tb_next.tb_lineno)
def bad(tree, mode='exec'):
    try:
        compile(tree, '<bad>', mode)
    except Exception as ex:
        print(type(ex).__name__, str(ex).split(' at 0x')[0])
bad(ast.Module([ast.Expr(ast.Name('x', ast.Load()))], []))
bad(ast.Module([ast.Expr(ast.Pass(), lineno=1, col_offset=0)], []))
bad(ast.Module([ast.Expr(3, lineno=1, col_offset=0)], []))
bad(ast.Expression(ast.Name(3, ast.Load(), lineno=1, col_offset=0)), 'eval')
bad(ast.Expression(ast.Name('x', lineno=1, col_offset=0)), 'exec')
bad(ast.Expression(ast.Name('x', ast.Store(), lineno=1, col_offset=0)), 'eval')
bad(ast.Expression(ast.BinOp(ast.Constant(1), ast.Load(), ast.Constant(2), lineno=1, col_offset=0)), 'eval')
bad(ast.Expression(ast.Constant([1], lineno=1, col_offset=0)), 'eval')
bad(ast.Module(body=None, type_ignores=[]))
bad(3)
bad(ast.Name('x'))
bad(ast.fix_missing_locations(ast.Module([ast.FunctionDef('f', ast.arguments(), [])], [])))
bad(ast.fix_missing_locations(ast.Module([ast.Assign([ast.Name('x', ast.Load())], ast.Constant(1))], [])))
bad(ast.fix_missing_locations(ast.Module([ast.Delete([ast.Constant(1)])], [])))
bad(ast.fix_missing_locations(ast.Module([ast.Try([ast.Pass()], [], [], [])], [])))
bad(ast.fix_missing_locations(ast.Expression(ast.Compare(ast.Constant(1), [ast.Eq()], []))), 'eval')
bad(ast.fix_missing_locations(ast.Expression(ast.BoolOp(ast.And(), [ast.Constant(1)]))), 'eval')
bad(ast.fix_missing_locations(ast.Module([ast.ImportFrom('m', [ast.alias('x')], -1)], [])))
