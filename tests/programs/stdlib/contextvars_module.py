import contextvars
from contextvars import ContextVar, copy_context, Context
v = ContextVar('v', default=1)
w = ContextVar('w')
print(v.name, v.get(), w.get('dflt'))
try:
    w.get()
except LookupError as e:
    print('LookupError', type(e.args[0]).__name__)
t = v.set(5); print(v.get(), t.var is v, t.old_value is contextvars.Token.MISSING)
ctx = copy_context()
v.reset(t); print(v.get(), ctx[v], v in ctx, len(ctx), list(ctx.keys()) == [v])
def inner(x):
    v.set(x)
    return v.get()
print(ctx.run(inner, 42), v.get(), ctx[v])
try:
    v.reset(t)
except RuntimeError as e:
    print('RuntimeError')
t2 = w.set('a'); t3 = w.set('b'); w.reset(t3); print(w.get()); w.reset(t2); print(w.get(None))
with v.set(9):
    print(v.get())
print(v.get())
try:
    ContextVar(1)
except TypeError as e:
    print(e)
try:
    ctx['x']
except TypeError as e:
    print(e)
print(Context().get(v, 'none'), ContextVar[int])
