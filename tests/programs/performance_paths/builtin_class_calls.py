# Calls of builtin classes at warmed CALL sites (the fast tier's class
# call): str/int/range/tuple/set/type by position, their error messages,
# subclasses (heap types take the general path), a rebound name at the
# same site, keyword calls, and exceptions raised by __str__/__int__/
# __index__/__iter__ inside the constructor.


class S:
    def __str__(self):
        return "S!"


class BadStr:
    def __str__(self):
        return 42


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class Intish:
    def __int__(self):
        return 7


class Boom:
    def __iter__(self):
        raise ValueError("no iteration")


class MyStr(str):
    pass


class MyInt(int):
    def __new__(cls, v=0):
        return super().__new__(cls, v + 1)


class MyTuple(tuple):
    pass


def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return r


def show(label, values):
    print(label, [(type(v).__name__, v) for v in values])


def many(n):
    out = []
    for i in range(n):
        out.append(str(i))
    show("str ints", out)
    out = []
    for x in [1.5, None, True, "s", b"b", S(), (1, 2), MyStr("m")]:
        out.append(str(x))
    show("str mixed", out)
    out = []
    for x in ["12", 3.9, True, Intish(), -7, 2**70, " 5 "]:
        out.append(int(x))
    show("int", out)
    out = []
    texts = ["-0", "+5", "007", "1_000", " 12", "\u0661\u0662", "999999999999999999",
             "9999999999999999999", "-999999999999999999", MyStr("34")]
    for x in texts:
        out.append(int(x))
    show("int texts", out)
    for x in ["", "-", "+", "1-", "--1", "1 2", "0x10"]:
        print("int bad", attempt(int, x))
    out = []
    for i in range(4):
        out.append(range(i))
        out.append(range(i, 10))
        out.append(range(10, i, -3))
    print("range", out, [list(r) for r in out[:6]])
    print("range big", range(2**70), range(Idx(3)), list(range(True, Idx(4))))
    out = []
    for x in [[1, 2], (3,), "ab", {5: 6}, range(3), iter([7]), ()]:
        out.append(tuple(x))
    show("tuple", out)
    t = (1, 2)
    print("tuple identity-free", tuple(t) == t)
    out = []
    for i in range(3):
        s = set()
        s.add(i)
        out.append(s)
    print("set", out, set("aab") == {"a", "b"}, frozenset())
    out = []
    for x in [1, "a", None, MyStr("q"), int, 1.0]:
        out.append(type(x))
    print("type", out)
    print("no args", str(), int(), tuple(), set(), repr(str()))


def errors():
    for f, args in [
        (str, (BadStr(),)),
        (str, (b"abc", "ascii")),
        (int, ("x",)),
        (int, (None,)),
        (int, ("ff", 16)),
        (range, ()),
        (range, (1, 2, 3, 4)),
        (range, (1, 2, 0)),
        (range, (1.5,)),
        (range, ("a", 3)),
        (range, (Idx("bad"),)),
        (tuple, (1,)),
        (tuple, (Boom(),)),
        (tuple, (1, 2)),
        (set, (1,)),
        (set, (1, 2)),
        (type, (1, 2)),
        (type, ()),
    ]:
        for _ in range(2):
            print(f.__name__, attempt(f, *args))


def subclasses():
    for cls in [MyStr, MyInt, MyTuple]:
        out = []
        for i in range(3):
            out.append(cls(i) if cls is not MyTuple else cls([i]))
        show(cls.__name__, out)


def rebound():
    global str
    results = []
    for i in range(6):
        if i == 3:
            str = lambda x: f"<{x}>"
        results.append(str(i))
    del str
    print("rebound", results, str(5))


def keywords():
    for _ in range(2):
        print(str(object=5), int("11", base=2), attempt(range, stop=3))
        print(str(b"hi", encoding="ascii"), attempt(tuple, iterable=[1]))


def method_self_slot():
    class Holder:
        make = staticmethod(tuple)

    h = Holder()
    for i in range(3):
        print("via attr", h.make([i, i]))


many(5)
errors()
subclasses()
rebound()
keywords()
method_self_slot()
