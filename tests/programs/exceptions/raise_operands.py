# What `raise X` and `raise X from Y` accept, and what they build.


class Weird(Exception):
    def __new__(cls):
        return 5


class Counting(Exception):
    made = 0

    def __init__(self):
        Counting.made += 1
        super().__init__("made")


def attempt(fn):
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)
    except Exception as e:
        print(type(e).__name__, e.args, "cause:", repr(e.__cause__),
              "suppress:", e.__suppress_context__)


def r1():
    raise ValueError


def r2():
    raise ValueError from KeyError


def r3():
    raise ValueError("x") from None


def r4():
    raise ValueError from 5


def r5():
    raise 5


def r6():
    raise int


def r7():
    raise Weird


def r8():
    raise ValueError from Weird


def r9():
    raise ValueError from Counting


def r10():
    raise Counting from Counting


def r11():
    raise ValueError from int


for f in (r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11):
    attempt(f)
print("Counting made", Counting.made)

try:
    try:
        raise KeyError("inner")
    except KeyError as inner:
        raise RuntimeError("outer") from inner
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
    print(e.__cause__ is e.__context__)
