# Instantiating exception classes: the plain path (`ValueError(x)`, whose
# `__new__` and `__init__` only store `args`) and every way a class can
# leave it, plus `BaseException.__init__` called with and without keywords.
import sys


def show(label, e):
    print(label, type(e).__name__, e.args, repr(e), str(e))


show("plain", ValueError(1, "two"))
show("empty", KeyError())
show("one", RuntimeError("boom"))
show("subclass", type("Sub", (LookupError,), {})("x"))

# Keyword arguments: refused by BaseException.__init__.
for cls in (ValueError, Exception, BaseException, type("Sub", (Exception,), {})):
    try:
        cls(1, key=2)
    except TypeError as exc:
        print("keyword", cls.__name__, exc)

# Families with fields keep their own constructors.
show("stop", StopIteration(5))
print(StopIteration(5).value, SystemExit(3).code, ImportError("m", name="n").name)
show("oserror", OSError(2, "No such file"))
print(OSError(2, "No such file").errno, type(OSError(2, "x")).__name__)
print(AttributeError("a", name="n", obj=1).name)


class OwnInit(Exception):
    def __init__(self, a, b=2):
        super().__init__(a, b)
        self.extra = a + b


e = OwnInit(1)
show("own init", e)
print(e.extra)


class ChangesArgs(Exception):
    def __init__(self, *args):
        super().__init__("changed", *args)


show("changes args", ChangesArgs(1, 2))


class NoSuper(Exception):
    def __init__(self, x):
        self.x = x


show("no super", NoSuper(7))


class OwnNew(Exception):
    def __new__(cls, *args):
        self = super().__new__(cls, "from new")
        return self


show("own new", OwnNew(1, 2))


class NewReturnsOther(Exception):
    def __new__(cls, *args):
        return 42


print("new returns other", NewReturnsOther(1))


class Meta(type):
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", args, kwargs)
        return super().__call__(*args, **kwargs)


class WithMeta(Exception, metaclass=Meta):
    pass


show("meta", WithMeta(1))


class InitAfter(Exception):
    pass


InitAfter.__init__ = lambda self, *a: setattr(self, "seen", a)
e = InitAfter(1, 2)
show("init assigned later", e)
print(e.seen)
del InitAfter.__init__
show("init deleted", InitAfter(3))

# BaseException.__init__ called directly, with and without keywords.
e = ValueError(1)
BaseException.__init__(e, "a", "b")
show("reinit", e)
Exception.__init__(e)
show("reinit empty", e)
try:
    BaseException.__init__(e, 1, x=2)
except TypeError as exc:
    print("reinit keyword", exc)
try:
    BaseException.__init__(1, 2)
except TypeError as exc:
    print("not an exception", exc)
e.__init__(9)
show("bound init", e)
e.__init__(*[], **{})
show("bound init empty kwargs", e)


class KwInit(Exception):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)


show("kw init", KwInit(1))
try:
    KwInit(1, k=2)
except TypeError as exc:
    print("kw init keyword", exc)

# Other builtins whose signatures have `**kwargs`.
d = {}
d.update()
d.update({"a": 1})
d.update({"b": 2}, c=3)
print(sorted(d.items()))
print("{0}-{1}".format(1, 2), "{x}".format(x=5))
try:
    "{x}".format(1)
except KeyError as exc:
    print("format missing", repr(exc))


class Init(object):
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        print("subclass", cls.__name__, kwargs)


class Child(Init):
    pass


# Instances are fresh each time; args are the objects given.
items = [object()]
a, b = ValueError(*items), ValueError(*items)
print(a is b, a.args[0] is items[0], sys.getrefcount(items[0]) - sys.getrefcount(object()))

raise ValueError("last", 1)
