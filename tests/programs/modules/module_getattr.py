# PEP 562: a module's own __getattr__ answers the names it lacks (attribute
# access, getattr with a default, hasattr, from-import).
import lazy_attrs as lazy
print(lazy.answer, getattr(lazy, "answer"), getattr(lazy, "nope", "default"), hasattr(lazy, "answer"), hasattr(lazy, "nope"))
from lazy_attrs import answer
print(answer)
try:
    from lazy_attrs import nope
except ImportError as e:
    print("ImportError", e.name)
try:
    lazy.nope
except AttributeError as e:
    print(e)
