# Module object attributes: __name__, __doc__, __file__, __package__, __spec__, __dict__.
import geometry
import geometry.constants as consts
import textutils
print(geometry.__file__)
print(consts.__file__)
print(geometry.__package__, consts.__package__, textutils.__package__)
print(geometry.__spec__.name, consts.__spec__.name, consts.__spec__.parent)
print(textutils.__doc__, consts.__doc__)
print(sorted(k for k in vars(textutils) if not k.startswith("__")))
print(hasattr(geometry, "__path__"), hasattr(consts, "__path__"))
print(__file__, __name__, __doc__)
consts.NEW = "added at runtime"
import geometry.constants
print(geometry.constants.NEW)
print(repr(type(consts)))
