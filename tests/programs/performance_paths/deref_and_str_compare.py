# Closure variables read from cells (the eval loop's fast LOAD_DEREF) and
# comparisons of exact strs (its fast COMPARE_OP), with the cases that must
# take the general path: empty cells, str subclasses, mixed types.


def counter():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    return bump


b = counter()
print(b(), b(), b())


def late_binding():
    def read():
        return value

    try:
        read()
    except NameError as e:
        print("NameError:", e)
    value = 5
    print(read())
    del value
    try:
        read()
    except NameError as e:
        print("NameError:", e)


late_binding()


def unbound_cell():
    def use():
        return x

    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 1
    return use()


print(unbound_cell())

words = ["pear", "apple", "Zebra", "", "apple", "\u00e9clair", "\U0001f600", "a\x00b"]
for a in words:
    print(repr(a), [a < c for c in words], [a == c for c in words], [a >= c for c in words])


class Loud(str):
    def __lt__(self, other):
        print("Loud.__lt__")
        return True

    def __eq__(self, other):
        print("Loud.__eq__")
        return False

    __hash__ = str.__hash__


print(Loud("b") < "a", "a" < Loud("b"), Loud("x") == "x", "x" == Loud("x"))
print("abc" == 3, "abc" != None)
for ch in "09a5/:":
    print(ch, "0" <= ch <= "9")
try:
    "a" < 1
except TypeError as e:
    print("TypeError:", e)
print("a" < 1)
