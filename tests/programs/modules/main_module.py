# The script's own module, __main__, and the builtins and importlib machinery
# a program can reach.
import sys, builtins
print(__name__, __package__, __spec__, __doc__, __cached__)
print(type(__loader__).__name__, __file__)
print(__builtins__ is builtins, builtins.__name__, type(builtins).__name__)
import __main__
print(__main__ is sys.modules["__main__"], __main__.__dict__ is globals())
print(sys.modules["builtins"] is builtins, "sys" in sys.builtin_module_names)
print("builtins" in sys.builtin_module_names, "math" in sys.builtin_module_names)
print(sorted(sys.builtin_module_names) == list(sys.builtin_module_names))
print(type(sys.modules).__name__, type(sys.path).__name__, __file__.startswith(sys.path[0] + "/"))
print("os" in sys.stdlib_module_names, "shop" in sys.stdlib_module_names)
import importlib
plain = importlib.import_module("pkg_errors.plain")
print(plain.NAME, importlib.import_module(".plain", "pkg_errors") is plain)
try:
    importlib.import_module(".plain")
except TypeError as e:
    print(type(e).__name__, e)
spec = plain.__spec__
print(spec.name, spec.parent, spec.origin.split("/")[-1], spec.has_location, spec.submodule_search_locations)
print(type(spec).__name__, type(spec.loader).__name__, spec.loader.name, spec.loader.is_package("pkg_errors.plain"))
import pkg_errors
print(pkg_errors.__spec__.parent, pkg_errors.__spec__.submodule_search_locations == pkg_errors.__path__)
print(sys.__spec__.origin, sys.__loader__.__name__, sys.__package__ == "", repr(sys.__spec__.parent))
print(builtins.__spec__.name, type(__import__).__name__, __import__ is builtins.__import__)
def main():
    return "main ran"
if __name__ == "__main__":
    print(main())
