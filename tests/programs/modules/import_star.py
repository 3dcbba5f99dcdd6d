# from m import * with and without __all__ (which may name submodules);
# bad entries in __all__.
before = set(globals())
from star_all import *
print(sorted(set(globals()) - before - {"before"}))
print(public, _exported_private, sub.SUB)
before = set(globals())
from star_plain import *
print(sorted(set(globals()) - before - {"before"}))
print(alpha, beta, gamma(), Delta.__name__)
try:
    _hidden
except NameError as e:
    print(type(e).__name__, e)
ns = {}
exec_like = __import__("star_plain")
print(sorted([n for n in exec_like.__dict__ if not n.startswith("_")]))
try:
    from star_bad import *
except TypeError as e:
    print(type(e).__name__, e)
print("ok" in globals())
try:
    from star_missing import *
except AttributeError as e:
    print(type(e).__name__, e)
print(present)
import star_all
print(star_all.sub.__name__, "star_all.sub" in __import__("sys").modules)
