# `raise SomeClass` (no call) allocates the instance directly when the
# class's metaclass is `type` and its __new__/__init__ are BaseException's
# and it has no family fields. Every guard failing must still behave as
# calling the class would.
import sys


def show(exc_class):
    try:
        raise exc_class
    except BaseException as e:
        print(type(e).__name__, repr(e.args), e.__traceback__ is not None,
              e.__context__, e.__cause__, e.__suppress_context__)
        return e


# The fast path: builtin classes and plain subclasses.
class Plain(ValueError):
    pass


for cls in (ValueError, KeyError, RuntimeError, Exception, BaseException, Plain):
    show(cls)

# Subclass attributes still land in the instance dict.
e = show(Plain)
e.extra = 5
print(e.extra, vars(e))

# Families with fields take the general path (StopIteration.value,
# SystemExit.code, OSError's __new__, ...).
print(show(StopIteration).value)
print(show(SystemExit).code)
print(show(OSError).errno, show(FileNotFoundError).strerror)
print(show(AttributeError).name, show(NameError).name)
print(show(ImportError).msg, show(SyntaxError).lineno)
print(show(UnicodeError).args)


# An overridden __init__ runs.
class WithInit(Exception):
    def __init__(self):
        super().__init__("from init")
        self.flag = True


e = show(WithInit)
print(e.flag)


# An overridden __new__ runs.
class WithNew(Exception):
    def __new__(cls):
        inst = super().__new__(cls, "from new")
        inst.made = "new"
        return inst


print(show(WithNew).made)


# A metaclass other than type: its __call__ decides.
class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__("via meta")


class Metered(Exception, metaclass=Meta):
    pass


show(Metered)


# A metaclass __call__ returning a non-exception: TypeError.
class BadMeta(type):
    def __call__(cls, *args):
        return 42


class Bad(Exception, metaclass=BadMeta):
    pass


try:
    raise Bad
except TypeError as err:
    print("TypeError:", err)


# __init__ raising propagates instead of the class.
class InitRaises(Exception):
    def __init__(self):
        raise KeyError("inside init")


try:
    raise InitRaises
except KeyError as err:
    print("KeyError:", err)

# Context chaining with the fast path: raised while handling another.
try:
    try:
        raise KeyError
    except KeyError:
        raise ValueError
except ValueError as err:
    print(type(err.__context__).__name__, err.__suppress_context__)

# raise ... from with classes on both sides.
try:
    raise ValueError from KeyError
except ValueError as err:
    print(type(err.__cause__).__name__, err.__cause__.args, err.__suppress_context__)

try:
    raise ValueError from None
except ValueError as err:
    print(err.__cause__, err.__suppress_context__)

# Each raise makes a fresh instance.
seen = set()
for _ in range(3):
    try:
        raise Plain
    except Plain as err:
        seen.add(id(err))
        last = err
print(len(seen) >= 1, last.args)

# Reference counts: the class is not leaked by the fast path.
before = sys.getrefcount(Plain)
for _ in range(100):
    try:
        raise Plain
    except Plain:
        pass
print(sys.getrefcount(Plain) - before)

# Non-classes are rejected as before.
for bad in (int, 5, "text"):
    try:
        raise bad
    except TypeError as err:
        print("TypeError:", err)

# Uncaught: the traceback of a fast-path instance.
raise Plain
