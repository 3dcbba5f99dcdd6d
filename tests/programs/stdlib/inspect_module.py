# inspect on krait objects: signatures of Python functions (binding,
# parameter kinds, defaults, annotations), generator and coroutine states,
# predicates, members, frames, docstrings and unwrapping.
import functools
import inspect


def f(a, b: int = 2, /, c=3, *args, d, e="x", **kw) -> str:
    """Summary line.

        Indented details.
    """


sig = inspect.signature(f)
print(sig)
print(sig.return_annotation)
for p in sig.parameters.values():
    print(p.name, p.kind.name, p.default, p.annotation)
bound = sig.bind(1, 2, 3, 4, 5, d=6, z=7)
print(bound.arguments)
bound.apply_defaults()
print(bound.args, bound.kwargs)
try:
    sig.bind(1)
except TypeError as exc:
    print("TypeError", exc)
print(inspect.signature(lambda x, *, y=1: None))
print(inspect.getfullargspec(f))
print(inspect.getdoc(f))
print(inspect.cleandoc("  a\n    b\n  c"))


class C:
    attr = 1

    def method(self, x):
        return x

    @classmethod
    def cm(cls):
        pass

    @staticmethod
    def sm(y):
        pass

    @property
    def prop(self):
        return 2


print(inspect.signature(C.method), inspect.signature(C().method))
print(inspect.signature(C.cm), inspect.signature(C.sm))
print([name for name, _ in inspect.getmembers(C) if not name.startswith("__")])
print([name for name, _ in inspect.getmembers(C, inspect.isfunction)])
print(inspect.getmro(C))
print(inspect.isclass(C), inspect.ismethod(C().method), inspect.isfunction(C.method))
print(type(inspect.getattr_static(C(), "prop")).__name__)
print(inspect.isdatadescriptor(C.__dict__["prop"]))


def gen():
    yield 1
    yield 2


g = gen()
print(inspect.isgeneratorfunction(gen), inspect.isgenerator(g))
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
g.close()
print(inspect.getgeneratorstate(g))


async def coro():
    pass


c = coro()
print(inspect.iscoroutinefunction(coro), inspect.iscoroutine(c), inspect.isawaitable(c))
print(inspect.getcoroutinestate(c))
c.close()
print(inspect.getcoroutinestate(c))
print(inspect.iscoroutinefunction(f), inspect.isasyncgenfunction(coro))


def decorator(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


@decorator
def wrapped(p, q=1):
    pass


print(inspect.signature(wrapped), inspect.unwrap(wrapped) is wrapped.__wrapped__)

frame = inspect.currentframe()
print(frame.f_code.co_name, inspect.isframe(frame), frame.f_lineno)


def inner():
    return inspect.currentframe().f_back.f_code.co_name


print(inner())
print(inspect.getmodule(f).__name__)
print(inspect.ismodule(inspect), inspect.isbuiltin(len), inspect.isroutine(len))
print(inspect.Parameter("x", inspect.Parameter.KEYWORD_ONLY, default=None))
try:
    inspect.Parameter("1x", inspect.Parameter.POSITIONAL_ONLY)
except ValueError as exc:
    print("ValueError", exc)
try:
    inspect.signature(42)
except TypeError as exc:
    print("TypeError", exc)
