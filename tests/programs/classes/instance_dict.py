# __dict__ of instances and classes, vars(), and mappingproxy.
class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2

c = C()
print(c.__dict__)
c.__dict__["c"] = 3
print(c.c)
c.__dict__ = {"z": 26}
print(c.z, hasattr(c, "a"))
print(type(C.__dict__).__name__)
try:
    C.__dict__["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(C.__dict__["cls_attr"])
print("__init__" in C.__dict__, "__init__" in c.__dict__)
print(vars(c) is c.__dict__)
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
