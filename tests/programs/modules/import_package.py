# Importing a package runs its __init__ once; attributes come from submodules.
print("before import")
import geometry
print("after import")
import geometry
print(geometry.VERSION, geometry.__all__)
print(geometry.Circle(2), geometry.Circle(2).area(), geometry.Square(3).area())
print(geometry.constants.PI, geometry.shapes.Circle is geometry.Circle)
print(type(geometry).__name__, geometry.__name__, geometry.__doc__)
import geometry.sub
print(hasattr(geometry, "sub"), geometry.sub.__name__)
