# The 3.14 constructor semantics of node classes, __replace__, repr and
# pattern matching on nodes.
import ast
import copy

n = ast.Name("x")
print(n.id, type(n.ctx).__name__, ast.dump(n))
b = ast.BinOp(ast.Constant(1), ast.Add(), right=ast.Constant(2))
print(ast.dump(b))
f = ast.FunctionDef("f", ast.arguments(), [ast.Pass()])
print(ast.dump(f))
print(f.returns, f.type_comment, f.decorator_list, f.type_params)
a = ast.arguments()
print(a.args, a.posonlyargs, a.kwonlyargs, a.kw_defaults, a.defaults, a.vararg, a.kwarg)
c = ast.Constant(5, lineno=3, col_offset=4)
print(c.value, c.kind, c.lineno, c.col_offset, c.end_lineno, c.end_col_offset)
print(ast.Dict().keys, ast.Compare(ast.Name("a")).ops)
for args, kwargs in [((1, 2, 3), {}), ((1,), {"id": 2}), ((1, 2, 3, 4), {})]:
    try:
        ast.Name(*args, **kwargs) if len(args) < 4 else ast.BinOp(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    ast.AST(1)
except TypeError as e:
    print("TypeError", e)
try:
    ast.Pass(1)
except TypeError as e:
    print("TypeError", e)

class MyNode(ast.AST):
    _fields = ("a", "b")
m = MyNode(1, b=2)
print(m.a, m.b, repr(m))

r = b.__replace__(left=ast.Name("y"))
print(ast.dump(r), r is not b, b.left.value)
r2 = copy.replace(n, id="z")
print(ast.dump(r2))
try:
    b.__replace__(foo=1)
except TypeError as e:
    print("TypeError", e)

t = ast.parse("f(a, b, c, d)\nx = [1, 2, 3, 4]\nif a:\n  if b:\n    if c:\n      pass")
print(repr(t))
print(repr(t.body[0]))
print(repr(t.body[2]))
print(repr(ast.Constant("s" * 30)))

t = ast.parse("x = 1")
print(t.body[0].targets[0].ctx is ast.parse("y = 2").body[0].targets[0].ctx)
d = copy.deepcopy(t)
print(ast.dump(d, include_attributes=True) == ast.dump(t, include_attributes=True), d.body[0] is not t.body[0])
red = ast.Name("q", ast.Load()).__reduce__()
print(red[0].__name__, red[1], sorted(red[2]))
