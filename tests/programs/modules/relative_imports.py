# Relative imports inside a package resolve against __package__.
import geometry.sub.deep as deep
print(deep.__name__, deep.__package__)
print(deep.describe())
print(deep.PI, deep.Sq.__name__, deep.shapes.__name__)
import geometry.shapes
print(geometry.shapes.__package__, geometry.__package__)
print(__package__, __name__)
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
