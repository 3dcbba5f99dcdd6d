# Binding the arguments of builtin methods and functions: the positional
# fast path (borrowed arguments), bound builtins (`self` before the
# arguments), keywords, defaults, and every binding error message.


def attempt(label, f, *args, **kwargs):
    try:
        print(label, "->", repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


L = [3, 1, 2]
d = {"a": 1}
s = {1, 2}

# Bound builtin methods, positional only.
attempt("append", L.append, 4)
attempt("append none", L.append)
attempt("append two", L.append, 1, 2)
attempt("append kw", L.append, object=1)
attempt("get 1", d.get, "a")
attempt("get 2", d.get, "b", 7)
attempt("pop default", d.pop, "zz", "dflt")
attempt("add", s.add, 3)
attempt("discard", s.discard, 3)
attempt("discard none", s.discard)
attempt("sort kw", L.sort, key=lambda x: -x)
attempt("split", "a b  c".split)
attempt("split sep", "a,b,c".split, ",")
attempt("split maxsplit kw", "a,b,c".split, ",", maxsplit=1)
attempt("split sep kw", "a,b,c".split, sep=",")
attempt("rstrip", "x..".rstrip, ".")
attempt("rstrip none", "  x  ".rstrip, None)
attempt("join", "-".join, ["a", "b"])
attempt("join none", "-".join)
attempt("lower", "AbC".lower)
attempt("lower extra", "AbC".lower, 1)

# Method descriptors called through the class (self first).
attempt("list.append", list.append, L, 9)
attempt("list.append wrong self", list.append, (), 9)
attempt("list.append no self", list.append)
attempt("set.add wrong self", set.add, frozenset(), 1)
attempt("dict.get", dict.get, d, "a")
attempt("dict.get wrong self", dict.get, [], "a")
attempt("str.lower wrong self", str.lower, b"X")
attempt("dict.__repr__ wrong self", dict.__repr__, [])


# Subclasses take the subtype path of the self check.
class MyList(list):
    pass


class MySet(set):
    pass


class MyStr(str):
    pass


m = MyList()
attempt("sub append", list.append, m, 1)
print(m)
ms = MySet()
attempt("sub add", set.add, ms, 5)
print(ms)
attempt("sub lower", str.lower, MyStr("QQ"))
attempt("sub split", MyStr("a b").split)

# Builtin functions.
attempt("len", len, L)
attempt("len none", len)
attempt("len two", len, L, L)
attempt("len kw", len, obj=L)
attempt("isinstance", isinstance, 1, int)
attempt("getattr default", getattr, 1, "nope", "dflt")
attempt("divmod", divmod, 7, 2)
attempt("sorted kw", sorted, [3, 1], reverse=True)
attempt("sorted pos", sorted, [3, 1], None)
attempt("max default", max, [], default=0)
attempt("min", min, 3, 1, 2)
attempt("print sep", print, 1, 2, sep="-")
attempt("int base", int, "ff", 16)
attempt("int base kw", int, "ff", base=16)
attempt("round", round, 2.675, 2)
attempt("round kw", round, 2.5, ndigits=None)

# Many calls through the fast path keep values alive correctly.
acc = []
for i in range(1000):
    acc.append(str(i))
    s.add(i)
    s.discard(i - 1)
    d.get(i, None)
print(len(acc), acc[-1], sorted(s), len(d))

# The bound builtin keeps its self alive on its own.
bound = [1, 2].append
bound(3)
print(bound.__self__)

# An uncaught binding error ends the program with a traceback.
[].append()
