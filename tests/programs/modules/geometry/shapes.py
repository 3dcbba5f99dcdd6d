from .constants import PI, UNIT


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return round(PI * self.r * self.r, 3)

    def __repr__(self):
        return f"Circle({self.r}{UNIT})"


class Square:
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s

    def __repr__(self):
        return f"Square({self.s}{UNIT})"
