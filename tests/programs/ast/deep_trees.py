# Deeply nested trees parse and compile back; absurdly deep ones raise
# RecursionError.
import ast
for n in [500, 2900, 5000, 50000]:
    t = ast.parse('+'.join(['1'] * n))
    try:
        c = compile(t, 'f', 'exec')
        print(n, 'ok')
    except RecursionError as e:
        print(n, 'RecursionError')
