# Builtins whose signature collects *args, called without keywords (their
# arguments are borrowed, no tuple built) and with keywords (the general
# binder): min/max (including the two-int shortcut), print, set methods,
# map/zip, and the errors of each.
import io


def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__, e)


show("min ints", lambda: min(3, 2))
show("max ints", lambda: max(3, 2))
show("min tie", lambda: min(1, True))
show("max tie", lambda: max(True, 1))
show("max tie other order", lambda: max(1, True))
show("min bool int", lambda: min(False, 0))
show("min negative", lambda: min(-5, 5))
show("max big", lambda: max(2**70, 1))
show("min mixed", lambda: min(1, 0.5))
show("max float int tie", lambda: max(1.0, 1))
show("min three", lambda: min(3, 1, 2))
show("max strs", lambda: max("a", "b"))
show("min iterable", lambda: min([4, 2, 8]))
show("min key", lambda: min(3, -4, key=abs))
show("max key none", lambda: max(3, 4, key=None))
show("min default", lambda: min([], default="empty"))
show("min default multi", lambda: min(1, 2, default=0))
show("min empty", lambda: min([]))
show("min none", lambda: min())
show("min bad kw", lambda: min(1, 2, bogus=1))
show("max incomparable", lambda: max(1, "a"))
show("min not iterable", lambda: min(5))


class Loud:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        print("Loud.__lt__", self.n, other.n)
        return self.n < other.n

    def __gt__(self, other):
        print("Loud.__gt__", self.n, other.n)
        return self.n > other.n

    def __repr__(self):
        return f"Loud({self.n})"


show("min objects", lambda: min(Loud(3), Loud(1)))
show("max objects", lambda: max(Loud(3), Loud(7), Loud(7)))

print()
print("a", "b", 3)
print("a", "b", sep="-")
print("x", end="!\n")
buf = io.StringIO()
print("to", "buffer", file=buf)
show("buffer", lambda: buf.getvalue())
show("print bad kw", lambda: print("a", bogus=1))
show("print bad sep", lambda: print("a", sep=3))

s = {1, 2}
show("union", lambda: sorted(s.union({3}, [4])))
show("union none", lambda: sorted(s.union()))
show("set.union", lambda: sorted(set.union(s, {9})))
show("set.union empty", lambda: set.union())
show("set.union wrong", lambda: set.union([1], {2}))
show("intersection", lambda: s.intersection({2, 3}, {2}))
show("map two", lambda: list(map(pow, [2, 3], [3, 2])))
show("zip", lambda: list(zip("ab", [1, 2])))
show("zip strict", lambda: list(zip("ab", [1], strict=True)))

# An error in the middle of a borrowed-argument call ends the program.
max(1, 2, "three")
