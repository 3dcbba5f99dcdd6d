# import ... as ... binds the alias only.
import geometry.constants as c
print(c.PI, c.__name__)
try:
    geometry
except NameError as e:
    print(type(e).__name__, e)
import geometry.sub.deep
print(geometry.sub.deep.describe())
import textutils as tu, geometry as g
print(tu.shout("x"), g.Square(4).area())
from textutils import shout as yell, whisper as mumble
print(yell("a"), mumble("B"))
import geometry.shapes as shapes_mod
print(shapes_mod.Circle is g.Circle)
