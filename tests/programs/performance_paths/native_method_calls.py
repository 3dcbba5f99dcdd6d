# Builtin method calls the eval loop answers inline or through the
# fixed-arity native path: list.pop(), dict.get(k[, default]), len,
# list.append, str.startswith. Every guard failing is covered: wrong
# argument counts, keywords, subclasses overriding the method, unbound
# calls, bound methods kept and called later, errors inside the body.


def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__, e)


# --- list.pop ---------------------------------------------------------
L = [1, 2, 3]
for i in range(5):
    L.append(i * 10)
    print("pop", L.pop(), L)
print("pop index", L.pop(0), L.pop(-1), L)
attempt("pop empty", lambda: [].pop())
attempt("pop out of range", lambda: [1].pop(5))
attempt("pop bad index", lambda: [1].pop("x"))
attempt("pop too many", lambda: [1].pop(0, 1))
attempt("pop keyword", lambda: [1].pop(index=0))
attempt("unbound pop", lambda: list.pop([7, 8]))
attempt("unbound pop no self", lambda: list.pop())
attempt("unbound pop wrong self", lambda: list.pop((1, 2)))
attempt("unbound pop index", lambda: list.pop([7, 8], 0))
kept = [4, 5, 6].pop
print("kept pop", kept(), kept(), kept())
attempt("kept pop empty", kept)


class PopLogged(list):
    def pop(self, *args):
        print("  PopLogged.pop", args)
        return super().pop(*args)


class PlainSub(list):
    pass


p = PopLogged([1, 2, 3])
print("sub override", p.pop(), p.pop(0), p)
q = PlainSub([1, 2, 3])
print("plain sub", q.pop(), q, type(q).__name__)
attempt("plain sub empty", lambda: PlainSub().pop())


class Dropper:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


D = [Dropper("a"), Dropper("b")]
print("popping b")
D.pop()
print("popped b")
x = D.pop()
print("kept", x.name)
del x
print("after del")

# A list changed by the popped item's __del__ while the call runs.
class Mutator:
    def __del__(self):
        M.append("added by __del__")


M = [1, Mutator()]
M.pop()
print("mutated", M)

# --- dict.get -----------------------------------------------------------
d = {1: "one", "a": "A", (1, 2): "pair", 2.5: "float"}
print("get", d.get(1), d.get("a"), d.get((1, 2)), d.get(2.5), d.get(99))
print("get default", d.get(99, "dflt"), d.get("a", "dflt"), d.get("zz", None))
attempt("get no key", lambda: d.get())
attempt("get too many", lambda: d.get(1, 2, 3))
attempt("get keyword", lambda: d.get(key=1))
attempt("get unhashable", lambda: d.get([1]))
attempt("unbound get", lambda: dict.get(d, "a"))
attempt("unbound get default", lambda: dict.get(d, "q", 5))
attempt("unbound get wrong self", lambda: dict.get([1], 1))
attempt("unbound get no self", lambda: dict.get())
g = d.get
print("kept get", g(1), g(2, "two?"))


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        print("  hash Key", self.v)
        return hash(self.v)

    def __eq__(self, other):
        print("  eq Key", self.v)
        return isinstance(other, Key) and self.v == other.v


kd = {Key(1): "k1"}
print("custom key", kd.get(Key(1)), kd.get(Key(2), "missing"))


class StrSub(str):
    def __hash__(self):
        print("  hash StrSub")
        return str.__hash__(self)


print("str subclass key", d.get(StrSub("a")))


class GetOverride(dict):
    def get(self, key, default=None):
        print("  GetOverride.get", key)
        return super().get(key, default)


class Missing(dict):
    def __missing__(self, key):
        return "from __missing__"


go = GetOverride(a=1)
print("dict sub override", go.get("a"), go.get("b", 0))
ms = Missing(a=1)
print("dict sub missing", ms.get("a"), ms.get("b"), ms["b"])


class Eq1:
    # Equal to 1 and hashing as 1: the lookup needs its __eq__.
    def __hash__(self):
        return hash(1)

    def __eq__(self, other):
        print("  Eq1.__eq__")
        return other == 1


mixed = {Eq1(): "eq1"}
print("colliding int key", mixed.get(1, "none"))

# --- len, list.append ---------------------------------------------------
attempt("len no args", lambda: len())
attempt("len two args", lambda: len([], []))
attempt("len keyword", lambda: len(obj=[]))
attempt("len int", lambda: len(5))


class LenSub(list):
    def __len__(self):
        return 42


print("len", len([1, 2]), len((1,)), len(LenSub([1])), len("abc"), len({1: 2}))
A = []
attempt("append none", lambda: A.append())
attempt("append two", lambda: A.append(1, 2))
attempt("append keyword", lambda: A.append(object=1))
attempt("unbound append", lambda: list.append(A, "u"))
attempt("unbound append wrong self", lambda: list.append((), 1))
app = A.append
app("kept")
print("appended", A)

# --- str.startswith -----------------------------------------------------
s = "hello world"
print("startswith", s.startswith("he"), s.startswith("wo", 6), s.startswith(("x", "hel")))
print("startswith range", s.startswith("lo", 3, 5), s.startswith("lo", 3, 4))
attempt("startswith none", lambda: s.startswith())
attempt("startswith too many", lambda: s.startswith("a", 1, 2, 3))
attempt("startswith keyword", lambda: s.startswith(prefix="h"))
attempt("startswith int", lambda: s.startswith(1))
attempt("unbound startswith", lambda: str.startswith("abc", "a"))
attempt("unbound startswith wrong self", lambda: str.startswith(b"abc", "a"))

# An uncaught error from inside the body ends the program.
[].pop()
