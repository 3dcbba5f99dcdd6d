# User subclasses of node classes: constructors through super(), compile,
# and the error for a class outside the grammar.
import ast
class MyName(ast.Name):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra = True
m = MyName('q')
print(ast.dump(m), m.extra, isinstance(m, ast.expr))
tree = ast.Expression(MyName('x', ast.Load(), lineno=1, col_offset=0))
print(eval(compile(tree, 'f', 'eval'), {'x': 9}))
class Custom(ast.expr):
    _fields = ('v',)
try:
    compile(ast.Expression(Custom(1, lineno=1, col_offset=0)), 'f', 'eval')
except TypeError as e:
    print('TypeError', str(e).split(' object at')[0])
print(ast.AST.__init__ is not object.__init__, ast.Name.__new__ is ast.AST.__new__)
