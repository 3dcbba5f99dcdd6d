# Keyword arguments to builtin functions and methods bind straight into the
# parameter slots (no dict): defaults, errors, *args/**kwargs collection,
# keywords built at run time, and warmed-up call sites that change callee.
import io


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


def key_neg(x):
    return -x


L = [3, 1, 2]
# Warm the sites, then the same shapes again.
for _ in range(3):
    show(lambda: sorted(L, key=key_neg))
    show(lambda: sorted(L, reverse=True))
    show(lambda: sorted(L, reverse=True, key=key_neg))
    show(lambda: sorted(L, key=None, reverse=0))
    show(lambda: sorted(L, reverse=[]))
    show(lambda: sorted(L, reverse="x"))
    show(lambda: max(L, key=key_neg))
    show(lambda: min(L, key=key_neg, default=9))
    show(lambda: max([], default="empty"))
    show(lambda: max([], key=key_neg))
    show(lambda: "a,b,,c".split(sep=","))
    show(lambda: "a b c d".split(maxsplit=2))
    show(lambda: "a b c d".split(None, maxsplit=1))
    show(lambda: "a.b.c".rsplit(".", maxsplit=1))
    show(lambda: int("ff", base=16))
    show(lambda: dict([(1, 2)], a=3, b=4))

# sorted's own checks.
show(lambda: sorted())
show(lambda: sorted(iterable=L))
show(lambda: sorted(L, L))
show(lambda: sorted(L, foo=1))
show(lambda: sorted(L, key=key_neg, foo=1))
show(lambda: sorted(L, reverse=1, **{"reverse": 2}))
show(lambda: sorted(L, **{"key": key_neg}))
show(lambda: sorted(L, key=1))


def bad_key(x):
    raise ValueError("key failed on " + repr(x))


show(lambda: sorted(L, key=bad_key))
show(lambda: max(L, key=bad_key))


class Truthless:
    def __bool__(self):
        raise RuntimeError("no truth")


show(lambda: sorted(L, reverse=Truthless()))

# Messages of the general binder.
show(lambda: print(1, foo=2))
show(lambda: print(1, end=1))
show(lambda: print(1, sep=2))
show(lambda: len(obj=1))
show(lambda: len())
show(lambda: "a b".split(" ", sep=" "))
show(lambda: "a b".split(bad=1))
show(lambda: max(L, foo=1))
show(lambda: max(key=len))
show(lambda: int(x="1"))
show(lambda: L.sort(key=None, bad=1))
show(lambda: L.index(value=1))
show(lambda: {}.get(key=1))
show(lambda: divmod(a=1, b=2))
show(lambda: round(3.14159, ndigits=2))
show(lambda: round(number=2.5))
show(lambda: pow(2, 10, mod=7))
show(lambda: pow(base=2, exp=3))
show(lambda: "{a}-{b}".format(a=1, b=2))
show(lambda: "{0}{x}".format(*"ab", **{"x": "y"}))

# Keywords built at run time.
kw = {"end": "|\n", "sep": "+"}
print(1, 2, 3, **kw)
for end in ["!", "?", "\n"]:
    print("x", "y", end=end)
buf = io.StringIO()
for i in range(5):
    print(i, end=",", file=buf)
print(buf.getvalue())
print("to", "buffer", sep="-", file=buf, flush=True)
print(repr(buf.getvalue()))

# A name that is equal but not the interned constant.
name = "".join(["rev", "erse"])
show(lambda: sorted(L, **{name: True}))
name2 = "".join(["k", "ey"])
show(lambda: max(L, **{name2: key_neg}))


# A site warmed on a builtin that then calls a Python function with
# keywords, and back.
def py_sorted(xs, key=None, reverse=False):
    return ["py", reverse]


for f in [sorted, sorted, py_sorted, sorted, py_sorted]:
    show(lambda: f(L, reverse=True))


# A bound builtin with *args and keywords.
class Rec(dict):
    pass


r = Rec()
show(lambda: r.update({"a": 1}, b=2))
show(lambda: sorted(r.items()))
show(lambda: r.setdefault("c", default=3))
show(lambda: "{}{}{k}".format(1, 2, k=3))

# Methods are named without their type in keyword messages.
show(lambda: "a".encode("utf-8", encoding="x"))
show(lambda: (1).to_bytes(bad=1))
show(lambda: b"a".split(bad=1))
show(lambda: str.split("a b", bad=1))
