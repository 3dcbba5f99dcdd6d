# NodeVisitor / NodeTransformer / walk / helpers over parsed trees, then
# unparse and compile of the transformed trees.
import ast

src = '''
def add(a, b):
    """Add two numbers."""
    return a + b

class Acc:
    """An accumulator."""
    def __init__(self):
        self.total = 0

    def push(self, v):
        self.total = add(self.total, v * 2)
        return self

print(Acc().push(1).push(2).total)
'''

tree = ast.parse(src)

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.counts = {}
    def generic_visit(self, node):
        name = type(node).__name__
        self.counts[name] = self.counts.get(name, 0) + 1
        super().generic_visit(node)

c = Counter()
c.visit(tree)
print(sorted(c.counts.items()))
print([n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))])
print(list(ast.iter_fields(tree.body[0].args))[:2])
print(ast.get_source_segment(src, tree.body[0].body[1]))

class Doubler(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            return ast.BinOp(node, ast.Mult(), ast.Constant(10))
        return node
    def visit_Expr(self, node):
        self.generic_visit(node)
        if isinstance(node.value, ast.Constant):
            return None
        return node

new = ast.fix_missing_locations(Doubler().visit(ast.parse(src)))
print(ast.unparse(new))
exec(compile(new, "<doubled>", "exec"), {})

moved = ast.parse("x = 1\ny = x + 1\n")
ast.increment_lineno(moved, 10)
print([(n.lineno, n.end_lineno) for n in moved.body])
ns = {}
exec(compile(moved, "<moved>", "exec"), ns)
print(ns["y"])

print(ast.compare(ast.parse("a + 1"), ast.parse("a  +  1")), ast.compare(ast.parse("a"), ast.parse("b")))
print(ast.dump(ast.parse("x = [1, 2]\n"), indent=2))
print(ast.dump(ast.parse("f(*a, **k)"), annotate_fields=False))
print(ast.dump(ast.parse("pass"), show_empty=True))
for code in ["a if b else c", "lambda: (yield)", "[*a, *b]", "{**a, 'k': 1}", "f'{x!r}'", "x[1:2:3]", "(a := 1)", "not -x ** 2"]:
    print(ast.unparse(ast.parse(code)))
