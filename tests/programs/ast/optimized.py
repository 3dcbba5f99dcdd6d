# ast.parse(optimize=...) / PyCF_OPTIMIZED_AST: the folds CPython 3.14's
# AST optimizer still makes, with positions.
import ast

src = '''
x = "%s-%r|%5s|%-3a|%.2s|%5.s|%05s|%%|%s" % (a, b, c, d, e, f, g, h)
y = "%d" % (a,)
z = "%s %s" % (a,)
w = "%s" % (*a,)
v = "%s" % a
u = b"%s" % (a,)
t = "%(k)s" % (a,)
s = "%*s" % (a,)
r = "%100s" % (a,)
q = "x" % ()
p = "" % ()
if __debug__:
    pass
o = __debug__ if 0 else 1
match m:
    case -1: pass
    case 1+2j: pass
    case -1-2j: pass
    case -1.5: pass
    case {-1: _, 2: _}: pass
    case 1: pass
'''
for level in (0, 1, 2):
    print("optimize", level)
    print(ast.dump(ast.parse(src, optimize=level), include_attributes=True, indent=1))
print(ast.dump(compile("__debug__", "f", "eval", ast.PyCF_OPTIMIZED_AST)))
print(ast.dump(compile("__debug__", "f", "eval", ast.PyCF_OPTIMIZED_AST, optimize=1)))
print(ast.dump(compile("__debug__", "f", "eval", ast.PyCF_ONLY_AST)))
tree = ast.parse("'%s!' % (x,)")
print(ast.dump(compile(tree, "f", "exec", ast.PyCF_OPTIMIZED_AST)))
