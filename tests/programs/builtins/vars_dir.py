# vars() and dir() on a simple class and instance (sorted output).
class Simple:
    cls_attr = 1
    def __init__(self):
        self.inst = 2
    def method(self):
        pass

s = Simple()
print(vars(s))
print(sorted(k for k in vars(Simple) if not k.startswith("__")))
print([n for n in dir(s) if not n.startswith("__")])
print(dir(s) == sorted(dir(s)))
print("__init__" in dir(s), "inst" in dir(Simple), "cls_attr" in dir(s))
class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(Custom()))
def f():
    a = 1
    b = 2
    return sorted(vars().keys()), sorted(dir())
print(f())
print([n for n in dir([]) if not n.startswith("_")])
