# from-import forms: names, submodules, star with __all__.
from geometry.shapes import Circle, Square
from geometry import constants
from geometry.constants import PI as pi_value
print(Circle(1), Square(1), constants.UNIT, pi_value)
from textutils import *
print(shout("hi"), whisper("HI"))
print("not_exported" in dir(), "_private" in dir(), "shout" in dir())
from textutils import not_exported, _private
print(not_exported("explicit"), _private)
from geometry.sub import deep
print(deep.describe())
