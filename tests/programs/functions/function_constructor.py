# types.FunctionType(code, globals, name, argdefs, closure): argument checks and closures.
F = type(lambda: 0)
c = (lambda: 0).__code__
def outer():
    x = 1
    def inner(): return x
    return inner
ic = outer().__code__
for args in [(1, {}), (c, 1), (c, {}, 5), (c, {}, None, 5), (c, {}, None, None, 5), (ic, {}), (c, {}, None, None, (1,)), (c, {}, 'nm', (1,))]:
  try: f = F(*args); print('ok', f.__name__, f.__defaults__, f.__closure__)
  except Exception as e: print(type(e).__name__, e)
g = F(ic, {}, None, None, outer().__closure__)
print(g())
