# Every class of _ast: its place in the hierarchy, fields, attributes,
# docs, field types and class-level defaults.
import _ast
import ast

names = sorted(n for n in dir(_ast) if not n.startswith("_") and isinstance(getattr(_ast, n), type))
print(len(names))
for name in names:
    cls = getattr(_ast, name)
    print(name, cls.__module__, [b.__name__ for b in cls.__bases__])
    print("  fields", cls._fields, "attributes", cls._attributes)
    print("  match_args", cls.__match_args__)
    print("  doc", repr(cls.__doc__))
    if "_field_types" in cls.__dict__:
        print("  types", {k: repr(v) for k, v in cls._field_types.items()})
    defaults = {k: v for k, v in cls.__dict__.items() if v is None and not k.startswith("__")}
    print("  defaults", defaults)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, ast.PyCF_OPTIMIZED_AST)
print(issubclass(ast.BinOp, ast.expr), issubclass(ast.Load, ast.expr_context), isinstance(ast.Add(), ast.AST))
print([c.__name__ for c in ast.stmt.__subclasses__()])
