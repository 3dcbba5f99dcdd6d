# Zero-argument super() in methods, classmethods and __init__ chains.
class Base:
    def __init__(self, x):
        print("Base.__init__", x)
        self.x = x
    def describe(self):
        return f"Base({self.x})"
    @classmethod
    def create(cls):
        return f"create {cls.__name__}"

class Mid(Base):
    def __init__(self, x, y):
        super().__init__(x)
        print("Mid.__init__", y)
        self.y = y
    def describe(self):
        return "Mid+" + super().describe()
    @classmethod
    def create(cls):
        return "Mid:" + super().create()

class Leaf(Mid):
    def describe(self):
        return "Leaf+" + super().describe()

obj = Leaf(1, 2)
print(obj.describe())
print(Leaf.create())
print(obj.x, obj.y)

class NoBase:
    def method(self):
        return super().__repr__ is not None
print(NoBase().method())
