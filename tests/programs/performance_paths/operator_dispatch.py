# The generic binary-operator and rich-comparison paths: slot order with
# subclasses on either side, NotImplemented chains, mixed builtin numbers,
# sequence fallbacks and CPython's error messages.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class A:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return ("A.add", self.v, getattr(o, "v", type(o).__name__))

    def __radd__(self, o):
        return ("A.radd", self.v, getattr(o, "v", type(o).__name__))

    def __eq__(self, o):
        return ("A.eq", self.v, getattr(o, "v", type(o).__name__))

    def __lt__(self, o):
        return NotImplemented

    def __repr__(self):
        return f"A({self.v})"


class B(A):
    def __radd__(self, o):
        return ("B.radd", self.v, getattr(o, "v", type(o).__name__))

    def __eq__(self, o):
        return ("B.eq", self.v, getattr(o, "v", type(o).__name__))

    def __gt__(self, o):
        return ("B.gt", self.v, getattr(o, "v", type(o).__name__))


class C(A):
    # A subclass that overrides nothing: no reflected-first call.
    pass


class NI:
    def __add__(self, o):
        return NotImplemented

    def __radd__(self, o):
        return NotImplemented

    def __eq__(self, o):
        return NotImplemented


class R:
    def __radd__(self, o):
        return ("R.radd", o)

    def __rmul__(self, o):
        return ("R.rmul", o)


class Idx:
    def __index__(self):
        return 3


for i in range(3):
    a, b, c = A(1), B(2), C(3)
    attempt("a+a", lambda: a + a)
    attempt("a+b", lambda: a + b)
    attempt("b+a", lambda: b + a)
    attempt("a+c", lambda: a + c)
    attempt("c+a", lambda: c + a)
    attempt("1+a", lambda: 1 + a)
    attempt("a+1", lambda: a + 1)
    attempt("a==a", lambda: a == a)
    attempt("a==b", lambda: a == b)
    attempt("b==a", lambda: b == a)
    attempt("a!=b", lambda: a != b)
    attempt("a<b", lambda: a < b)
    attempt("b<a", lambda: b < a)
    attempt("a<a", lambda: a < a)
    attempt("a==c", lambda: a == c)
    n = NI()
    attempt("n+n", lambda: n + n)
    attempt("n+1", lambda: n + 1)
    attempt("1+n", lambda: 1 + n)
    attempt("n==n", lambda: n == n)
    attempt("n!=n", lambda: n != n)
    attempt("n==NI()", lambda: n == NI())
    attempt("n<n", lambda: n < n)
    attempt("n+a", lambda: n + a)
    attempt("a+n", lambda: a + n)
    r = R()
    attempt("1+r", lambda: 1 + r)
    attempt("'s'*r", lambda: "s" * r)
    attempt("r+r", lambda: r + r)
    attempt("r-1", lambda: r - 1)
    # Mixed builtin numbers, including big ints and bools.
    attempt("1+2.5", lambda: 1 + 2.5)
    attempt("2.5+1", lambda: 2.5 + 1)
    attempt("True+1", lambda: True + 1)
    attempt("1+1j", lambda: 1 + 1j)
    attempt("1.5*2j", lambda: 1.5 * 2j)
    attempt("big", lambda: (1 << 70) + 1)
    attempt("big*f", lambda: (1 << 70) * 0.5)
    attempt("int max", lambda: 2**62 + 2**62)
    attempt("nan<1", lambda: float("nan") < 1)
    attempt("1<2.5", lambda: 1 < 2.5)
    attempt("big<1", lambda: (1 << 70) < 1)
    attempt("big==big", lambda: (1 << 70) == (1 << 70))
    attempt("1 is 1", lambda: (i + 1) is (i + 1))
    # Sequences.
    attempt("[1]+[2]", lambda: [1] + [2])
    attempt("(1,)*2", lambda: (1,) * 2)
    attempt("2*'ab'", lambda: 2 * "ab")
    attempt("'ab'*Idx", lambda: "ab" * Idx())
    attempt("Idx*[0]", lambda: Idx() * [0])
    attempt("b'x'+bytearray", lambda: b"x" + bytearray(b"y"))
    # Errors.
    attempt("[]+()", lambda: [] + ())
    attempt("'a'+1", lambda: "a" + 1)
    attempt("b'a'+1", lambda: b"a" + 1)
    attempt("[]*1.5", lambda: [] * 1.5)
    attempt("None+1", lambda: None + 1)
    attempt("a-a", lambda: a - a)
    attempt("object()+A", lambda: object() + a)
    attempt("1<'a'", lambda: 1 < "a")
    attempt("None<None", lambda: None < None)
    attempt("a@a", lambda: a @ a)
    attempt("1//0", lambda: 1 // 0)
    attempt("1.0%0", lambda: 1.0 % 0)


# Monkeypatching a dunder after the sites warmed up.
def addit(x, y):
    return x + y


for i in range(3):
    print(addit(A(1), A(2)))
A.__add__ = lambda self, o: "patched"
print(addit(A(1), A(2)))
del A.__add__
attempt("deleted", lambda: addit(A(1), A(2)))
attempt("deleted radd", lambda: addit(1, A(2)))


class Raises:
    def __add__(self, o):
        raise ValueError("inside")

    def __eq__(self, o):
        raise KeyError("eq")


attempt("raises+", lambda: Raises() + 1)
attempt("raises==", lambda: Raises() == 1)
attempt("1==raises", lambda: 1 == Raises())
