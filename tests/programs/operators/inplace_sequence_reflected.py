# lst += r / lst *= r and bytearray: the right operand's reflected method is
# asked before the in-place sequence slot (CPython's order); identity kept.
class R:
    def __radd__(self, other):
        return ("radd", type(other).__name__)
    def __rmul__(self, other):
        return ("rmul", type(other).__name__)
    def __index__(self):
        return 2
lst = [1]
lst += R()
print(lst)
lst = [1]
lst *= R()
print(lst)
b = bytearray(b"x")
b += R()
print(b)
class NoR:
    pass
lst = [1]
try:
    lst += NoR()
except TypeError as e:
    print(e)
lst = [1, 2]
lst += (3,)
print(lst)
lst *= 2
print(lst)
class L(list):
    pass
x = L([1])
try:
    x += R()
except TypeError as e:
    print("subclass: __iadd__ first:", e)
y = L([1])
y += (2,)
print(y, type(y).__name__)
ba = bytearray(b"ab")
same = ba
ba *= 2
print(ba, ba is same)
lst = [1]
alias = lst
lst += [2]
lst *= 2
print(lst, lst is alias)
try:
    ba += 5
except TypeError as e:
    print(e)
try:
    lst *= "x"
except TypeError as e:
    print(e)
class Both:
    def __radd__(self, other):
        return NotImplemented
    def __iter__(self):
        return iter([7, 8])
lst = [0]
lst += Both()
print(lst)
