# except-clause matching: classes, tuples, subclasses, and the TypeError
# for anything that is not an exception class.


class Base(Exception):
    pass


class Child(Base):
    pass


class Meta(type):
    pass


class WithMeta(Exception, metaclass=Meta):
    pass


def check(exc, spec):
    try:
        try:
            raise exc
        except spec:
            return "caught"
    except TypeError as e:
        return f"TypeError: {e}"
    except BaseException as e:
        return f"escaped {type(e).__name__}"


print(check(Child(), Base))
print(check(Base(), Child))
print(check(Child(), (ValueError, Base)))
print(check(Child(), (ValueError, KeyError)))
print(check(Child(), ()))
print(check(KeyError(1), LookupError))
print(check(WithMeta(), WithMeta))
print(check(WithMeta(), Exception))
print(check(ValueError(), 5))
print(check(ValueError(), int))
print(check(ValueError(), (ValueError, int)))
print(check(ValueError(), (int, ValueError)))
print(check(ValueError(), [ValueError]))
print(check(ValueError(), (ValueError, (TypeError,))))
print(check(KeyboardInterrupt(), Exception))
print(check(KeyboardInterrupt(), BaseException))
print(check(StopIteration(), (StopAsyncIteration, StopIteration)))

# The class used in `except` can change between raises.
classes = [ValueError, TypeError, KeyError]
hits = []
for cls in classes:
    for exc in (ValueError(), TypeError(), KeyError()):
        try:
            raise exc
        except cls:
            hits.append((cls.__name__, type(exc).__name__))
        except Exception:
            pass
print(hits)
