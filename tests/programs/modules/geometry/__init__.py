"""A small geometry package used by the module tests."""
print("geometry/__init__ running, __name__ =", __name__)
from .shapes import Circle, Square
from . import constants

__all__ = ["Circle", "Square"]
VERSION = (1, 2)
