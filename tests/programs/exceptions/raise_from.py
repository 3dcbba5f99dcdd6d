# raise ... from sets __cause__ and __suppress_context__.
class ConfigError(Exception):
    pass

def load():
    try:
        {}["missing"]
    except KeyError as e:
        raise ConfigError("config broken") from e

try:
    load()
except ConfigError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__))
    print(e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no context shown") from None
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    raise RuntimeError("x") from KeyError("direct cause")
except RuntimeError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise RuntimeError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise RuntimeError("y") from KeyError
except RuntimeError as e:
    print(repr(e.__cause__))
