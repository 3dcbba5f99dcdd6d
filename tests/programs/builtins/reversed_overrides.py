# reversed(): a list or tuple subclass that overrides __reversed__ (or sets it to None) is asked, not bypassed.
class L(list):
    def __reversed__(self):
        return iter(["custom"])
print(list(reversed(L([1, 2]))), list(reversed([1, 2])))
class T(tuple):
    def __reversed__(self):
        return iter("t")
print(list(reversed(T((1, 2)))))
class NoRev(list):
    __reversed__ = None
try:
    reversed(NoRev([1]))
except TypeError as e:
    print("TypeError", e)
