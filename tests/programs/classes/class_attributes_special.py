# Special class attributes: __name__, __qualname__, __doc__, __module__, __dict__ keys.
class Outer:
    "Outer docstring."
    class Inner:
        pass
    def method(self):
        class Local:
            pass
        return Local

print(Outer.__name__, Outer.__qualname__, Outer.__doc__)
print(Outer.Inner.__name__, Outer.Inner.__qualname__)
print(Outer().method().__qualname__)
print(Outer.__module__, Outer.Inner.__doc__)
print(sorted(k for k in Outer.__dict__ if not k.startswith("__") or k == "__doc__"))
Outer.__name__ = "Renamed"
print(Outer.__name__, Outer.__qualname__)
print(repr(Outer.Inner))
print(type.__name__, int.__qualname__)
print(Outer.__firstlineno__)
print(Outer.__static_attributes__)
