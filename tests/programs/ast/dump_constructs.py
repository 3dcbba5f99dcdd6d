import ast
src = '''
def f(a, /, b: int = 2, *args, c, d=4, **kw) -> str:
    """doc"""
    x = [i * 2 for i in range(a) if i]
    y = {k: v for k, v in kw.items()}
    z = {*args}
    w = (q for q in args)
    try:
        pass
    except (ValueError, TypeError) as e:
        raise RuntimeError from e
    else:
        pass
    finally:
        del x
    with open('f') as fh, open('g'):
        pass
    while b:
        b -= 1
        if b == 1: break
        else: continue
    return f"{a!r:>{b}} {c=}"
class C(Base, metaclass=M):
    x: int = 3
    async def g(self):
        async for i in self:
            await i
        async with a as b: pass
    @property
    def h(self): yield from g(); yield; yield 1
lambda x, *y, **z: x if y else z
a[1:2, ::3] = b.c = d, *e = 1, 2
import os.path as p, sys
from .. import (x as y, z)
from m import *
global gg
assert x, 'msg'
match cmd:
    case [1, 2, *rest]: pass
    case {'a': 1, **kw}: pass
    case Point(x=0, y=0) | None: pass
    case str() as s if s: pass
    case -1.5 | 2+3j | "s" | b"b" | True: pass
    case _: pass
type Alias[T: int, *Ts, **P] = list[T]
def gen[T = int](x: T) -> T: ...
x = 10**100, 0xffffffffffffffffffffffff, 1e400, 3j, ..., u'u', b'\\x00', 'é'
(n := 1 if 0 else (n := 2))
not a and b or c; -x; +x; ~x
a < b <= c > d >= e == f != g is h is not i in j not in k
a + b - c * d / e // f % g ** h << i >> j | k ^ l & m @ n
t"hello {name!s:>10}"
é = "ü" + '𝄞'
'''
t = ast.parse(src)
print(ast.dump(t, include_attributes=True))
print(ast.unparse(t))
t2 = ast.parse(src, optimize=0, type_comments=True)
print(ast.dump(t2) == ast.dump(t))
for mode in ['eval', 'single']:
    print(ast.dump(ast.parse('1+2' if mode == 'eval' else 'x = 1', mode=mode), include_attributes=True))
