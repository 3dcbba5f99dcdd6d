# `seq + x` where x is not a sequence of the same kind: the right operand's
# `__radd__` is asked before the "can only concatenate" error, as for any
# binary operator; `*` with a right operand defining `__rmul__` likewise.
class R:
    def __radd__(self, other):
        return ("radd", other)

    def __rmul__(self, other):
        return ("rmul", other)


class Declines:
    def __radd__(self, other):
        return NotImplemented


class N:
    pass


class MyList(list):
    pass


class MyTuple(tuple):
    pass


for left in ([1], (1,), "s", b"b", MyList([2]), MyTuple((3,))):
    for right in (R(), Declines(), N(), 5, None):
        try:
            print(type(left).__name__, type(right).__name__, left + right)
        except TypeError as e:
            print(type(left).__name__, type(right).__name__, "TypeError:", e)
    try:
        print(left * R())
    except TypeError as e:
        print("TypeError:", e)
print([1] + [2], (1,) + (2,), MyList([1]) + [2], type(MyTuple((1,)) + (2,)).__name__)
t = (1,)
t += R()
print(t)
