# An uncaught error from a class pattern ends with CPython's traceback.
class Point:
    __match_args__ = ("x",)

    def __init__(self):
        self.x = 1


def classify(p):
    match p:
        case Point(x, y):
            return x, y


print("before")
classify(Point())
