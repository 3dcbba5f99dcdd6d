# CALL sites that call builtins: a site that sees different callables over
# time, builtins rebound mid-loop, subclass overrides, unbound descriptors,
# wrong counts and keywords after the site specialized, errors raised inside
# the builtin, and builtins that call back into Python.


def changing_callables():
    # One site, several callables in turn (each for many calls).
    out = []
    for f in [len, str.upper, abs, len, (lambda s: s * 2), len, str.upper]:
        for _ in range(5):
            try:
                out.append(f("ab"))
            except TypeError as e:
                out.append("TypeError: " + str(e))
    print(out)
    # A site that alternates on every call (it stops specializing).
    out = []
    for i in range(40):
        f = len if i % 2 else str.lower
        out.append(f("AbC"))
    print(out)
    # Bound and unbound builtin methods at the same site.
    L = []
    for i in range(12):
        f = L.append if i % 3 else list.append
        if i % 3:
            f(i)
        else:
            f(L, -i)
    print(L)


def rebound_builtin():
    global len
    out = []
    for i in range(10):
        if i == 5:
            len = lambda x: 0
        out.append(len([1, 2, 3]))
    del len
    out.append(len([1, 2, 3]))
    print(out)


class L(list):
    def append(self, x):
        super().append(x * 10)

    def pop(self, *args):
        return ("popped", super().pop(*args))


class NoisyDict(dict):
    def get(self, key, default=None):
        return ("mine", key)


def subclass_override():
    for cls in (list, L, list, L):
        x = cls()
        for i in range(4):
            x.append(i)
        print(type(x).__name__, x, x.pop(), x.pop())
    for d in ({1: 2}, NoisyDict({1: 2}), {3: 4}):
        print([d.get(1) for _ in range(3)])
    # A list subclass without overrides: the descriptor's body runs.
    class Plain(list):
        pass
    p = Plain()
    for i in range(5):
        p.append(i)
    print(p, len(p), p.pop())


def unbound_descriptors():
    x = []
    for i in range(6):
        list.append(x, i)
    print(x, list.pop(x), dict.get({1: "a"}, 1), str.startswith("hello", "he"))
    for bad in ([1], (1,), "s", None):
        try:
            list.append(bad, 1)
            print("appended", bad)
        except TypeError as e:
            print("TypeError:", e)
    try:
        list.append()
    except TypeError as e:
        print("TypeError:", e)


def wrong_counts():
    cases = [
        lambda: len([1]),
        lambda: len(),
        lambda: len([1], [2]),
        lambda: abs(-3),
        lambda: abs(),
        lambda: min(3, 1),
        lambda: min(),
        lambda: isinstance(1, int),
        lambda: isinstance(1),
        lambda: [].append(1),
        lambda: [].append(),
        lambda: [].append(1, 2),
        lambda: {}.get(1),
        lambda: {}.get(),
        lambda: {}.get(1, 2, 3),
        lambda: "ab".startswith("a"),
        lambda: "ab".startswith(),
    ]
    for case in cases:
        for _ in range(3):
            try:
                result = case()
            except TypeError as e:
                result = "TypeError: " + str(e)
        print(result)
    # Keywords at a site that specialized without them.
    f = len
    for kw in (False, False, True, False):
        try:
            print(f([1, 2], **({"obj": 1} if kw else {})))
        except TypeError as e:
            print("TypeError:", e)
    s = "abc"
    for kw in (False, True, False):
        try:
            print(s.startswith("a", **({"start": 1} if kw else {})))
        except TypeError as e:
            print("TypeError:", e)


def errors_inside():
    x = [1, 2]
    for _ in range(4):
        try:
            print(x.pop())
        except IndexError as e:
            print("IndexError:", e)
    s = set()
    for v in (1, [2], 3):
        try:
            s.add(v)
        except TypeError as e:
            print("TypeError:", e)
    print(sorted(s))
    for v in ("3", "x", "4"):
        try:
            print(int(v))
        except ValueError as e:
            print("ValueError:", e)
    for v in (-2, "a", 3.5):
        try:
            print(abs(v))
        except TypeError as e:
            print("TypeError:", e)


def recursion_through_builtins():
    calls = []

    def key(v):
        calls.append(v)
        return -v

    for _ in range(3):
        print(sorted([3, 1, 2], key=key), list(map(lambda v: v + 1, [1, 2])))
    print(len(calls))

    def deep(n):
        return n if n == 0 else max(map(deep, [n - 1]))

    print(deep(50))

    def forever(n):
        return max(map(forever, [n]))

    try:
        forever(0)
    except RecursionError:
        print("RecursionError")


changing_callables()
rebound_builtin()
subclass_override()
unbound_descriptors()
wrong_counts()
errors_inside()
recursion_through_builtins()
x = []
for i in range(3):
    x.pop()
