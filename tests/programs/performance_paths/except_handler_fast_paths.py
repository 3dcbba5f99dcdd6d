# `except` blocks: entering and leaving a handler (the handled exception
# that sys.exception() sees) and matching a class or a tuple of classes
# take fast paths; every other spec must still raise CPython's errors.
import sys


class Base(Exception):
    pass


class Child(Base):
    pass


class Other(Exception):
    pass


class Mixed(KeyError, Other):
    pass


def match(exc, spec):
    try:
        raise exc
    except spec as e:
        return "caught " + type(e).__name__
    except BaseException as e:
        return "missed " + type(e).__name__


print(match(Child, Base), match(Base, Child), match(Child, Child))
print(match(Child, (Other, Base)), match(Other, (Base, Child)))
print(match(Mixed, Other), match(Mixed, LookupError), match(Mixed, (ValueError, KeyError)))
print(match(Child, ()), match(Child, (Exception,)), match(SystemExit, Exception))
print(match(KeyboardInterrupt, (Exception, BaseException)))

# Specs that are not exception classes: TypeError, checked even when an
# earlier item would match.
for spec in (int, 5, (Base, int), (Base, (Child,)), Base(), (None,), "Base"):
    try:
        print(match(Child, spec))
    except TypeError as err:
        print("TypeError:", err)

# A spec built at run time and classes made at run time.
specs = [Base, (Other, Child)]
for s in specs:
    print(match(Child, s))


class Late(Exception):
    pass


class Later(Late):
    pass


print(match(Later, Late))
Made = type("Made", (Other, Late), {})
print(match(Made, Late), match(Made, (Base, Other)), match(Later, Made))

# The handled exception: set in the handler, restored after it, nested.
print(sys.exception())
try:
    raise Base("outer")
except Base:
    print("in outer:", repr(sys.exception()))
    try:
        raise Child("inner")
    except Child:
        print("in inner:", repr(sys.exception()))
    print("back in outer:", repr(sys.exception()))
print("after:", sys.exception())


# A handler in a generator, resumed from inside another handler.
def gen():
    try:
        raise Other("in gen")
    except Other:
        yield repr(sys.exception())
        yield repr(sys.exception())
    yield repr(sys.exception())


g = gen()
print(next(g))
try:
    raise Base("caller")
except Base:
    print(next(g))
    print(repr(sys.exception()))
print(next(g))

# A handler that returns or breaks out restores the handled exception.


def returns():
    try:
        raise Base("r")
    except Base:
        return repr(sys.exception())


try:
    raise Other("around")
except Other:
    print(returns(), repr(sys.exception()))

for i in range(3):
    try:
        raise Child(i)
    except Base as e:
        if i == 1:
            break
        continue
print(sys.exception(), e if "e" in dir() else "e unbound")


# A finalizer of an exception dying at the end of its handler runs after
# the handler, before the next statement's output.
class Noisy(Exception):
    def __del__(self):
        print("Noisy.__del__")


try:
    raise Noisy
except Noisy:
    print("handling Noisy")
print("after Noisy")

# Context: an exception raised in a handler chains the handled one.
try:
    try:
        raise Base("first")
    except (Other, Base):
        raise Other("second")
except Other as err:
    print(repr(err), repr(err.__context__))

# Uncaught inside a handler: both tracebacks.
try:
    raise Child("original")
except (ValueError, Child):
    raise Other("while handling")
