# import statements inside functions bind local names; __import__ and importlib.
def use_math():
    import math
    return math.sqrt(16), "math" in locals()
print(use_math())
try:
    math
except NameError as e:
    print(type(e).__name__, e)
import importlib
tu = importlib.import_module("textutils")
print(tu.shout("dynamic"))
shapes = importlib.import_module(".shapes", "geometry")
print(shapes.__name__)
g = __import__("geometry.constants")
print(g.__name__, g.constants.PI)
c = __import__("geometry.constants", fromlist=["PI"])
print(c.__name__)
