# Data descriptors beat the instance dict; non-data descriptors do not.
class Data:
    def __get__(self, obj, t=None):
        return "data-descriptor"
    def __set__(self, obj, v):
        print("Data.__set__", v)

class NonData:
    def __get__(self, obj, t=None):
        return "non-data-descriptor"

class C:
    d = Data()
    n = NonData()

c = C()
c.__dict__["d"] = "instance d"
c.__dict__["n"] = "instance n"
print(c.d)
print(c.n)
c.d = 5
print(c.__dict__["d"])
print(C.d, C.n)

class ReadOnly:
    def __get__(self, obj, t=None):
        return 42
    def __set__(self, obj, v):
        raise AttributeError("read-only attribute")
class D:
    r = ReadOnly()
try:
    D().r = 1
except AttributeError as e:
    print(type(e).__name__, e)

def plain(self):
    return "method"
C.m = plain
print(c.m(), type(C.__dict__["m"]).__name__)
print(type(c.m).__name__)
