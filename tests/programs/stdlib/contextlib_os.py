import contextlib, os, types
from contextlib import contextmanager, suppress, ExitStack, closing, nullcontext, AbstractContextManager

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ValueError as e:
        print('caught', e)
    finally:
        print(f"</{name}>")
with tag('a') as t:
    print('inside', t)
with tag('b'):
    raise ValueError('boom')
with suppress(KeyError, ZeroDivisionError):
    1 / 0
print('suppressed')
with ExitStack() as st:
    for n in 'xy':
        st.enter_context(tag(n))
    st.callback(print, 'cb')
class Closer:
    def close(self): print('closed')
with closing(Closer()):
    pass
with nullcontext(5) as v:
    print(v)
@contextmanager
def bad():
    yield 1
    yield 2
try:
    with bad():
        pass
except RuntimeError as e:
    print(e)
@tag('deco')
def f():
    print('in f')
f()
class M(AbstractContextManager):
    def __exit__(self, *a): print('exit'); return None
with M() as m:
    print(type(m).__name__)
print(isinstance(M(), contextlib.AbstractContextManager), issubclass(int, contextlib.AbstractContextManager))
m2 = types.MethodType(lambda self, x: (self, x), 'obj')
print(m2(1), m2.__self__)
for bad_args in [(1, 2), (len, None)]:
    try:
        types.MethodType(*bad_args)
    except TypeError as e:
        print(e)
print(os.name, os.sep, os.path.join('a', 'b'), os.path.basename('/x/y.py'), os.path.splitext('f.tar.gz'))
print(os.fspath('p'), type(os.environ).__name__, os.getcwd() == os.getcwd(), isinstance(os.getpid(), int))
os.environ['KRAIT_TEST_VAR'] = 'v1'
print(os.environ['KRAIT_TEST_VAR'], os.getenv('KRAIT_TEST_VAR'), 'KRAIT_TEST_VAR' in os.environ)
del os.environ['KRAIT_TEST_VAR']
print(os.getenv('KRAIT_TEST_VAR', 'gone'), len(os.urandom(8)), os.strerror(2))
import errno
print(errno.ENOENT, errno.errorcode[errno.EAGAIN], errno.EWOULDBLOCK == errno.EAGAIN)
try:
    os.fspath(3)
except TypeError as e:
    print(e)
