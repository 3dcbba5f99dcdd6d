# Import failures: messages, attributes, and what is left in sys.modules.
import sys

def show(error):
    print(type(error).__name__ + ":", error)
    print("  name =", error.name, "path =", (error.path or "").split("/")[-1] or None)

try:
    import pkg_errors.raises
except KeyError as e:
    print("KeyError from the module body:", e)
print("pkg_errors.raises" in sys.modules, "pkg_errors" in sys.modules)
print(hasattr(sys.modules["pkg_errors"], "raises"))
try:
    import pkg_errors.half
except ImportError as e:
    show(e)
print("pkg_errors.half" in sys.modules, "pkg_errors.needs_half" in sys.modules)
try:
    import pkg_errors.bad_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
    print(str(e))
import pkg_errors.replaces_itself
print(repr(pkg_errors.replaces_itself))
for statement in [
    "import pkg_errors.nope",
    "import pkg_errors.plain.sub",
    "from pkg_errors import nope",
    "from pkg_errors.plain import nope",
    "from sys import nope",
    "import definitely_not_a_module.sub",
]:
    try:
        exec_globals = {}
        __import__("builtins").__dict__["__import__"]  # the import function exists
        if statement.startswith("from"):
            module, name = statement[5:].split(" import ")
            m = __import__(module, fromlist=[name])
            getattr(m, name)
        else:
            __import__(statement[7:])
    except (ImportError, AttributeError) as e:
        print(statement, "->", type(e).__name__, e)
try:
    from pkg_errors import nope
except ImportError as e:
    show(e)
try:
    from pkg_errors.plain import nope
except ImportError as e:
    show(e)
sys.modules["blocked"] = None
try:
    import blocked
except ModuleNotFoundError as e:
    show(e)
del sys.modules["blocked"]
for args, kwargs in [
    (("",), {}),
    ((3,), {}),
    (("plain",), {"level": -1}),
    (("plain",), {"level": 1}),
    (("plain",), {"globals": {}, "level": 1}),
    (("plain",), {"globals": {"__name__": "top"}, "level": 1}),
    (("plain",), {"globals": {"__package__": 3}, "level": 1}),
    (("plain",), {"globals": {"__package__": "pkg_errors"}, "level": 2}),
]:
    try:
        print(__import__(*args, **kwargs))
    except Exception as e:
        print(args, kwargs, "->", type(e).__name__, e)
print(__import__("plain", {"__package__": "pkg_errors"}, None, ["NAME"], 1).NAME)
print(__import__("plain", {"__name__": "pkg_errors.x"}, None, ["NAME"], 1).NAME)
print(issubclass(ModuleNotFoundError, ImportError), ImportError("m", name="n").name)
import pkg_errors.raises
