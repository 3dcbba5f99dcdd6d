# A CALL site specialized for a builtin is asked first, before the Python
# function path: every other callable reaching a warmed site (a Python
# function, a bound method, a class, a callable instance, a builtin bound to
# a self) must miss the builtin guard and run as usual; monkeypatched
# builtins, subclass overrides, wrong argument counts, exceptions raised
# inside, and keyword / star calls of the same callables.


def call(f, *args):
    # One site (`f(*args)` is CALL_FUNCTION_EX; the loop below uses a
    # plain CALL site of its own).
    return f(*args)


def one_site_many_callables():
    class Box:
        def __init__(self, x):
            self.x = x

        def __repr__(self):
            return f"Box({self.x!r})"

    class Adder:
        def __call__(self, x):
            return ("called", x)

    def py(x):
        return ("py", x)

    def raising(x):
        raise ValueError(f"bad {x!r}")

    bound = "xy".count
    out = []
    callables = [len] * 20 + [py] * 5 + [len] * 5 + [Box] * 3 + [Adder()] * 3
    callables += [bound] * 3 + [raising] * 2 + [abs] * 10 + [str] * 3 + [len] * 3
    for f in callables:
        try:
            out.append(f("xy"))
        except (TypeError, ValueError) as e:
            out.append(f"{type(e).__name__}: {e}")
    print(out)


def monkeypatched_len():
    global len
    out = []
    for i in range(30):
        if i == 20:
            len = lambda x: 7
        if i == 25:
            del len
        out.append(len("abc"))
    print(out)


class Appending(list):
    def append(self, x):
        super().append(("wrapped", x))


def patched_builtins_module():
    import builtins

    real = builtins.abs
    out = []
    for i in range(30):
        if i == 10:
            builtins.abs = lambda x: "patched"
        if i == 20:
            builtins.abs = real
        out.append(abs(-i))
    print(out)


def list_append_site():
    for make in (list, list, Appending, list, Appending):
        xs = make()
        for i in range(12):
            xs.append(i)
        print(type(xs).__name__, xs[:3], len(xs))
    # A descriptor site called through the class with a wrong self.
    for thing in ([], [], (), []):
        try:
            list.append(thing, 1)
            print("appended", thing)
        except TypeError as e:
            print("TypeError:", e)


def wrong_counts():
    cases = [
        (len, ()),
        (len, ("a", "b")),
        (abs, ()),
        (isinstance, (1,)),
        ([].append, ()),
        ([].append, (1, 2)),
        ([1].pop, (0, 1)),
        ({}.get, ()),
        ("a".upper, ("x",)),
    ]
    for f, args in cases:
        # Warm the site with good calls of the same builtin first.
        for _ in range(10):
            len("abc")
        try:
            print(f(*args))
        except TypeError as e:
            print("TypeError:", e)
    for n in range(3):
        for _ in range(12):
            try:
                if n == 0:
                    r = len()
                elif n == 1:
                    r = len("a", "b")
                else:
                    r = len("abc")
                print(r)
            except TypeError as e:
                print("TypeError:", e)
                break


def raising_inside():
    class Sized:
        def __init__(self, n):
            self.n = n

        def __len__(self):
            if self.n < 0:
                raise RuntimeError("negative")
            return self.n

    out = []
    for n in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -1, 3, "x", 4]:
        try:
            out.append(len(Sized(n)))
        except (RuntimeError, TypeError) as e:
            out.append(f"{type(e).__name__}: {e}")
    print(out)
    d = {}
    for k in [1, 2, 3, 4, 5, 6, 7, 8, 9, [1], 2]:
        try:
            out.append(d.get(k, "none"))
        except TypeError as e:
            out.append(f"TypeError: {e}")
    print(out[-11:])


def keywords_and_stars():
    out = []
    for i in range(15):
        out.append(sorted([3, 1, 2], reverse=i % 2 == 0))
        out.append(max(*[i, 5]))
        out.append(int("10", base=2 + i % 3))
        out.append(call(len, "abcd"))
        out.append(call(abs, -i))
    print(out)
    try:
        len(obj="x")
    except TypeError as e:
        print("TypeError:", e)
    try:
        abs(**{"x": 1})
    except TypeError as e:
        print("TypeError:", e)


def python_after_builtin_recursion():
    def depth(n):
        return 0 if n == 0 else 1 + depth(n - 1)

    out = []
    for f in [abs] * 10 + [depth] * 3:
        out.append(f(9))
    print(out)


def methods_on_warmed_site():
    class Counter:
        def __init__(self):
            self.n = 0

        def bump(self, by=1):
            self.n += by
            return self.n

    c = Counter()
    xs = []
    out = []
    for i in range(30):
        f = xs.append if i < 15 else c.bump
        out.append(f(i))
    print(out, xs, c.n)


one_site_many_callables()
monkeypatched_len()
patched_builtins_module()
list_append_site()
wrong_counts()
raising_inside()
keywords_and_stars()
python_after_builtin_recursion()
methods_on_warmed_site()
