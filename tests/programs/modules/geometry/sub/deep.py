from ..constants import PI
from .. import shapes
from ..shapes import Square as Sq

print("geometry.sub.deep loaded, __name__ =", __name__, "__package__ =", __package__)


def describe():
    return f"PI={PI} circle={shapes.Circle(1).area()} square={Sq(2).area()}"
