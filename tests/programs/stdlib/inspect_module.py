# inspect over krait: signatures of Python functions, getsource of code in
# this file, the is* predicates, getmembers, currentframe, generator state,
# getdoc/cleandoc, getfullargspec.
import inspect


def plain(a, b=2, *args, c, d=4, **kwargs) -> int:
    """Add things.

    More text here.
    """
    return a


def positional(x, y, /, z=None):
    return x


class Shape:
    """A shape."""
    sides = 0

    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    @property
    def label(self):
        return self.name

    @staticmethod
    def make():
        return Shape("s")

    @classmethod
    def kind(cls):
        return cls.__name__


def gen():
    yield 1
    yield 2


print(inspect.signature(plain))
print(inspect.signature(positional))
print(inspect.signature(Shape))
print(inspect.signature(Shape.area), inspect.signature(Shape("q").area))
sig = inspect.signature(plain)
for name, param in sig.parameters.items():
    print(name, param.kind.name, param.default is param.empty, param.annotation)
print(sig.return_annotation, sig.bind(1, c=3).arguments)
print(inspect.getfullargspec(plain))

print(inspect.getsource(positional), end="")
print(inspect.getsource(Shape.area), end="")
lines, start = inspect.getsourcelines(gen)
print(start, len(lines))
print(inspect.getdoc(plain))
print(inspect.cleandoc("  a\n    b\n  c"))
print(inspect.getfile(plain).endswith("inspect_module.py"), inspect.getmodule(plain).__name__)

print(inspect.isfunction(plain), inspect.isfunction(len), inspect.isbuiltin(len))
print(inspect.isclass(Shape), inspect.ismethod(Shape("x").area), inspect.ismodule(inspect))
print(inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()), inspect.iscoroutinefunction(plain))
print([name for name, _ in inspect.getmembers(Shape) if not name.startswith("__")])
print([name for name, _ in inspect.getmembers(Shape, inspect.isfunction)])
print(inspect.getmro(Shape) == (Shape, object))

frame = inspect.currentframe()
print(frame.f_code.co_name, frame.f_lineno)


def where():
    caller = inspect.currentframe().f_back
    return caller.f_code.co_name, caller.f_lineno


print(where())

g = gen()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
list(g)
print(inspect.getgeneratorstate(g))
print(inspect.unwrap(plain) is plain, inspect.Parameter.POSITIONAL_ONLY)
