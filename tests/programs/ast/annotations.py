# Node classes annotate their fields with their field types.
import ast
print(ast.Name.__annotations__, ast.Constant.__annotations__, ast.Load.__annotations__)
print(sorted(ast.Name.__dict__))
print(ast.expr.__annotations__ if '__annotations_cache__' in ast.expr.__dict__ else 'abstract')
