# Attributes of classes: names, module, doc, dict proxy, bases and MRO,
# renaming and the errors of assigning to builtin types.
class Outer:
    "Documented."
    class Inner:
        pass
    def method(self):
        pass

print(Outer.__name__, Outer.__qualname__, Outer.Inner.__qualname__, Outer.__module__, Outer.__doc__)
print(Outer.Inner.__doc__, int.__module__, type.__module__, Outer.__base__, Outer.__bases__)
print(type(Outer.__dict__).__name__, "method" in Outer.__dict__, Outer.__dict__["method"].__name__)
print(Outer.__dict__.get("missing", "default"), len(Outer.__dict__) > 3)
try:
    Outer.__dict__["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(Outer.mro(), Outer.__mro__)
Outer.__name__ = "Renamed"
Outer.__qualname__ = "Qual.Renamed"
print(Outer.__name__, Outer.__qualname__, repr(Outer), Outer().__class__.__name__)
Outer.__doc__ = "new doc"
Outer.__module__ = "elsewhere"
print(Outer.__doc__, repr(Outer))
for target, attr, value in [(Outer, "__name__", 5), (Outer, "__qualname__", None), (int, "__name__", "x"), (int, "attr", 1)]:
    try:
        setattr(target, attr, value)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    del Outer.nothing
except AttributeError as e:
    print(type(e).__name__, e)
print(type.__name__, type.__qualname__, type(type.__dict__["__name__"]).__name__)
print(Outer.__class__, type(Outer).__mro__)
class WithAnnotations:
    x: int
    y: "list[str]" = []
print(WithAnnotations.__annotations__, WithAnnotations.__annotate__(1))
class NoAnnotations:
    pass
print(NoAnnotations.__annotations__, NoAnnotations.__annotate__, NoAnnotations.__type_params__)
print(sorted([k for k in dir(Outer) if not k.startswith("__")]))
print("method" in dir(Outer()), "__class__" in dir(Outer()), sorted(vars(Outer().__class__))[:3])
