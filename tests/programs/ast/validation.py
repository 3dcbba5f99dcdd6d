# CPython's validation of trees given to compile(): reserved names, empty
# lists and bodies, contexts, argument shapes.
import ast
def bad(tree, mode='exec'):
    try:
        compile(ast.fix_missing_locations(tree), '<bad>', mode)
        print('ok')
    except Exception as ex:
        print(type(ex).__name__, str(ex).split(' at 0x')[0])
bad(ast.Expression(ast.Name('None', ast.Load())), 'eval')
bad(ast.Expression(ast.Name('True', ast.Load())), 'eval')
bad(ast.Module([ast.FunctionDef('None', ast.arguments(), [ast.Pass()])], []))
bad(ast.Module([ast.FunctionDef('f', ast.arguments(args=[ast.arg('False')]), [ast.Pass()])], []))
bad(ast.Expression(ast.Attribute(ast.Name('x', ast.Load()), 'None', ast.Load())), 'eval')
bad(ast.Module([ast.Import([ast.alias('None')])], []))
bad(ast.Module([ast.Global(['None'])], []))
bad(ast.Expression(ast.Call(ast.Name('f', ast.Load()), [], [ast.keyword('None', ast.Constant(1))])), 'eval')
bad(ast.Module([ast.ClassDef('True', [], [], [ast.Pass()], [])], []))
bad(ast.Expression(ast.Constant(1, kind=3)), 'eval')
bad(ast.Module([ast.Expr(ast.Yield())], []))
bad(ast.Module([ast.If(ast.Constant(1), [], [])], []))
bad(ast.Module([ast.With([], [ast.Pass()])], []))
bad(ast.Module([ast.Raise(None, ast.Name('x', ast.Load()))], []))
bad(ast.Module([ast.ImportFrom(None, [], 0)], []))
bad(ast.Module([ast.Import([])], []))
bad(ast.Module([ast.Assign([], ast.Constant(1))], []))
bad(ast.Module([ast.Delete([])], []))
bad(ast.Expression(ast.Set([])), 'eval')
bad(ast.Expression(ast.Lambda(ast.arguments(defaults=[ast.Constant(1)]), ast.Constant(1))), 'eval')
bad(ast.Module([ast.Try([ast.Pass()], [ast.ExceptHandler(None, None, [ast.Pass()])], [ast.Pass()], [])], []))
bad(ast.Module([ast.Match(ast.Name('x', ast.Load()), [])], []))
bad(ast.Expression(ast.JoinedStr([ast.Constant(1)])), 'eval')
