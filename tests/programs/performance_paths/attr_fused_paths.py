# Attribute loads and stores on a local owner (`o.p`, `o.x = v`, the fused
# `LOAD_FAST` + attribute entries of the eval loop): property getters run
# as frames of the loop (tracebacks, the caller's position, errors,
# recursion), stores that replace values (finalizers of the old value),
# stores through a site seeing two classes, deletions and `__dict__`.
import dis
import sys
import traceback


class P:
    def __init__(self):
        self.x = 5

    @property
    def p(self):
        return self.x * 2

    @property
    def where(self):
        caller = sys._getframe(1)
        ops = {i.offset: i.opname for i in dis.get_instructions(caller.f_code)}
        return ops.get(caller.f_lasti), caller.f_lineno

    @property
    def failing(self):
        raise ValueError("getter failed")

    @property
    def deep(self):
        return self.deep

    takes_none = property(lambda: 1)
    takes_two = property(lambda self, other: 1)
    with_default = property(lambda self, extra=3: extra)


def loads():
    o = P()
    total = 0
    for i in range(5):
        total += o.p
    print("sum", total)
    print("where", o.where)
    for _ in range(2):
        try:
            v = [o.x, o.failing]
        except ValueError:
            lines = traceback.format_exc().splitlines()
            print("\n".join(line for line in lines if "File" not in line))
    for _ in range(2):
        try:
            v = o.takes_none
        except TypeError as e:
            print("TypeError:", e)
    for _ in range(2):
        try:
            v = o.takes_two
        except TypeError as e:
            print("TypeError:", e)
    print("default", [o.with_default for _ in range(3)])
    try:
        o.deep
    except RecursionError:
        print("RecursionError")
    # The same site after the property is replaced by a plain value, and
    # on a subclass instance that overrides it.
    P.p = 11
    print([o.p for _ in range(2)])

    class Q(P):
        @property
        def p(self):
            return "Q"

    q = Q()
    for obj in (q, o, q):
        print(obj.p)
    del P.p
    try:
        o.p
    except AttributeError as e:
        print("AttributeError:", e)


loads()


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class S:
    pass


class T:
    pass


def stores():
    s = S()
    for i in range(3):
        s.a = Noisy(i)
    print("after loop")
    s.a = 1
    s.b = 2.5
    s.a = None
    print(vars(s))
    # Deleted, then stored again: the slot exists but is empty.
    del s.a
    s.a = "again"
    print(vars(s))
    # Another instance's keys: a second class whose instances set the same
    # names in another order, through the same site.
    t = T()
    t.z = 0
    t.a = 1
    for obj in (s, t, s, t):
        obj.a = "via site"
    print(vars(s), vars(t))
    # Dict mode after `__dict__` was asked for.
    d = S()
    d.a = 1
    d.__dict__["other"] = 2
    for i in range(3):
        d.a = i
    print(vars(d))
    # Fresh instances, each first store making the values.
    made = []
    for i in range(3):
        n = S()
        n.a = i
        n.b = -i
        made.append(vars(n))
    print(made)


stores()


class Slotted:
    __slots__ = ("a", "b")


def slot_stores():
    o = Slotted()
    for i in range(3):
        o.a = Noisy("slot%d" % i)
    o.a = 3
    o.b = 4.0
    print(o.a, o.b)
    del o.a
    try:
        o.a
    except AttributeError as e:
        print("AttributeError:", e)
    o.a = 7
    print(o.a)


slot_stores()
print("end")
