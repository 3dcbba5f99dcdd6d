"""Per-operation micro-benchmarks, one function per case: `operations.py CASE N`.

Each `case_NAME(n)` does its setup, then runs a loop of `n` iterations whose
body is the one operation measured; everything lives in fast locals of the
function. `cargo xtask micro` runs every case under callgrind with N and with
0 iterations, for krait and for CPython, and divides the difference by N: the
instruction count of one iteration. The `loop` case (an empty body) is the
loop's own cost, which the tool subtracts to give the operation alone.

This file is not a whole-program benchmark: `cargo xtask bench` only runs the
programs directly in `benches/`, not those in this folder.
"""

import math
import sys


class Plain:
    def __init__(self):
        self.a = 1
        self.b = 2.0

    def method(self):
        return 1

    def method2(self, x, y):
        return x


class Slotted:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 1


class WithProperty:
    @property
    def p(self):
        return 1


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return None


class Vec2:
    """A class with Python-level arithmetic and comparison dunders."""

    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return self

    def __eq__(self, other):
        return True


def identity(x):
    return x


def one_item():
    yield 1


def count_to(n):
    for i in range(n):
        yield i


def delegate(depth, n):
    # Each level `yield from` the next; the innermost yields n items.
    if depth == 0:
        yield from count_to(n)
    else:
        yield from delegate(depth - 1, n)


G = 5


def case_loop(n):
    for i in range(n):
        pass


def case_local(n):
    x = 0
    for i in range(n):
        x = i


def case_global(n):
    for i in range(n):
        x = G


def case_int_add(n):
    x = 0
    for i in range(n):
        x = x + i


def case_float_mul(n):
    x = 1.0
    for i in range(n):
        x = x * 1.0000001


def case_compare_branch(n):
    y = 5
    for i in range(n):
        if i < y:
            pass


def case_attr_load(n):
    o = Plain()
    for i in range(n):
        x = o.a


def case_attr_store(n):
    o = Plain()
    for i in range(n):
        o.a = i


def case_slot_load(n):
    o = Slotted()
    for i in range(n):
        x = o.a


def case_method_call(n):
    o = Plain()
    for i in range(n):
        o.method()


def case_method_call2(n):
    o = Plain()
    for i in range(n):
        o.method2(i, i)


def case_func_call(n):
    for i in range(n):
        identity(i)


def case_property(n):
    o = WithProperty()
    for i in range(n):
        x = o.p


def case_new_obj(n):
    for i in range(n):
        o = Plain()


def case_list_index(n):
    L = [1, 2, 3]
    for i in range(n):
        x = L[1]


def case_list_append(n):
    L = []
    for i in range(n):
        L.append(i)


def case_dict_get_str(n):
    d = {"a": 1}
    for i in range(n):
        x = d["a"]


def case_dict_set_int(n):
    d = {}
    for i in range(n):
        d[i & 255] = i


def case_len(n):
    L = [1, 2, 3]
    for i in range(n):
        x = len(L)


def case_isinstance(n):
    o = Plain()
    for i in range(n):
        x = isinstance(o, Plain)


def case_tuple_unpack(n):
    t = (1, 2)
    for i in range(n):
        a, b = t


def case_build_tuple(n):
    for i in range(n):
        t = (i, i)


def case_build_list(n):
    for i in range(n):
        t = [i, i]


def case_fstring(n):
    for i in range(n):
        s = f"{i}"


def case_str_concat(n):
    s0 = "ab"
    for i in range(n):
        s = s0 + "c"


def case_try_noraise(n):
    for i in range(n):
        try:
            pass
        except ValueError:
            pass


def case_raise_catch(n):
    for i in range(n):
        try:
            raise ValueError
        except ValueError:
            pass


def case_gen_next(n):
    for i in range(n):
        for x in one_item():
            pass


def case_for_gen(n):
    for x in count_to(n):
        pass


def case_yield_from_chain(n):
    # One item through 8 levels of `yield from` (SEND/YIELD_VALUE at each).
    for x in delegate(7, n):
        pass


def case_math_sqrt(n):
    for i in range(n):
        x = math.sqrt(2.0)


def case_closure(n):
    z = 1

    def h():
        return z

    for i in range(n):
        h()


def case_listcomp(n):
    for i in range(n):
        x = [j for j in (1, 2)]


def case_with_stmt(n):
    cm = Manager()
    for i in range(n):
        with cm:
            pass


def case_slice_reverse_assign(n):
    # fannkuch's prefix flip: a reversed slice stored over a prefix.
    L = [3, 1, 4, 1, 5, 9, 2, 6]
    for i in range(n):
        L[:4] = L[3::-1]


def case_set_contains(n):
    s = {1, 2, 3}
    for i in range(n):
        if i in s:
            pass


def case_set_contains_miss(n):
    s = {1, 2, 3}
    for i in range(n):
        if -5 in s:
            pass


def case_set_contains_str(n):
    # A run-time str (not the same object as the element): compared by text.
    s = {"alpha", "beta", "gamma"}
    k = "".join(["be", "ta"])
    for i in range(n):
        if k in s:
            pass


def case_dict_contains(n):
    d = {1: 1, 2: 2, 3: 3}
    for i in range(n):
        if 2 in d:
            pass


def case_set_add_discard(n):
    s = set()
    for i in range(n):
        s.add(i)
        s.discard(i)


def case_list_pop(n):
    L = [1, 2, 3]
    for i in range(n):
        L.append(i)
        L.pop()


def case_dict_get_method(n):
    d = {1: 2, "a": 3}
    for i in range(n):
        d.get("a")


def case_str_startswith(n):
    s = "hello world"
    for i in range(n):
        s.startswith("he")


def case_list_reverse(n):
    L = [1, 2, 3]
    for i in range(n):
        L.reverse()


def varargs(*args):
    return args


def case_star_args(n):
    f = varargs
    for i in range(n):
        f(i, i)


def case_enumerate_item(n):
    for item in enumerate(range(n)):
        pass


def case_tuple_hash(n):
    t = (1, 2)
    for i in range(n):
        hash(t)


def case_tuple_index(n):
    t = (1, 2, 3)
    for i in range(n):
        t[1]


def case_dunder_add(n):
    a = Vec2(1)
    b = Vec2(2)
    for i in range(n):
        a + b


def case_dunder_eq(n):
    a = Vec2(1)
    b = Vec2(2)
    for i in range(n):
        a == b


def case_sorted_key(n):
    # One key call per iteration: a one-element list is sorted.
    L = [3]
    for i in range(n):
        sorted(L, key=identity)


def case_abs(n):
    for i in range(n):
        x = abs(i)


def case_min2(n):
    for i in range(n):
        x = min(i, 3)


def case_isinstance_int(n):
    for i in range(n):
        x = isinstance(i, int)


def case_str_upper(n):
    s = "abc"
    for i in range(n):
        x = s.upper()


def case_range_call(n):
    for i in range(n):
        range(i)


def case_str_of_int(n):
    for i in range(n):
        x = str(i)


def case_int_of_str(n):
    s = "12"
    for i in range(n):
        x = int(s)


def case_tuple_of_list(n):
    L = [1, 2, 3]
    for i in range(n):
        x = tuple(L)


def case_set_empty(n):
    for i in range(n):
        x = set()


def kw_target(a, b=0):
    return a


def case_kw_call(n):
    f = kw_target
    for i in range(n):
        f(i, b=i)


def case_kw_builtin(n):
    L = [3, 1, 2]
    for i in range(n):
        sorted(L, reverse=True)


class WriteSink:
    # A builtin stored on the class is not bound: `sink.write(s)` is `len(s)`.
    write = len


def case_print_end(n):
    out = WriteSink()
    for i in range(n):
        print("x", end="", file=out)


def case_enumerate_unpack(n):
    for i, x in enumerate(range(n)):
        pass


def case_zip_unpack(n):
    for a, b in zip(range(n), range(n)):
        pass


def main():
    if len(sys.argv) != 3:
        print("usage: operations.py CASE N", file=sys.stderr)
        sys.exit(2)
    case = globals().get("case_" + sys.argv[1])
    if case is None:
        print(f"operations.py: no case {sys.argv[1]!r}", file=sys.stderr)
        sys.exit(2)
    case(int(sys.argv[2]))


main()
