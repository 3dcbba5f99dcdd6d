# Builtins with a fixed-arity body (len, isinstance, abs, repr, hash,
# list.append, math.sqrt) and the exact-list/tuple fast path of len():
# every way of calling them — plain, bound, through the method descriptor,
# with keywords, with too few or too many arguments — and the subclasses
# that must not take the fast path.
import math


def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__, e)


L = [1, 2, 3]
show("len list", lambda: len(L))
show("len tuple", lambda: len((1, 2)))
show("len empty tuple", lambda: len(()))
show("len str", lambda: len("héllo"))
show("len dict", lambda: len({1: 2}))
show("len int", lambda: len(5))
show("len none", lambda: len())
show("len two", lambda: len(L, L))
show("len keyword", lambda: len(obj=L))
show("len star", lambda: len(*[L]))
show("len star empty", lambda: len(*[]))
show("len kwargs empty", lambda: len(L, **{}))


class MyList(list):
    def __len__(self):
        return 42


class MyTuple(tuple):
    def __len__(self):
        return 7


class PlainList(list):
    pass


show("len list subclass", lambda: len(MyList([1])))
show("len tuple subclass", lambda: len(MyTuple((1, 2))))
show("len plain subclass", lambda: len(PlainList([1, 2])))


class BadLen:
    def __len__(self):
        return -1


class HugeLen:
    def __len__(self):
        return 2**70


show("len negative", lambda: len(BadLen()))
show("len huge", lambda: len(HugeLen()))

show("isinstance", lambda: isinstance(L, list))
show("isinstance tuple", lambda: isinstance(L, (int, list)))
show("isinstance keyword", lambda: isinstance(L, class_or_tuple=list))
show("isinstance bad", lambda: isinstance(L, 3))
show("issubclass", lambda: issubclass(bool, int))
show("issubclass bad", lambda: issubclass(1, int))
show("abs", lambda: abs(-5))
show("abs float", lambda: abs(-2.5))
show("abs str", lambda: abs("x"))
show("abs none", lambda: abs())
show("repr", lambda: repr([1, "a"]))
show("hash", lambda: hash(5))
show("hash list", lambda: hash([]))

items = []
items.append(1)
list.append(items, 2)
bound = items.append
bound(3)
show("append result", lambda: items.append(4))
print(items)
show("append none", lambda: items.append())
show("append two", lambda: items.append(1, 2))
show("append keyword", lambda: items.append(object=1))
show("descriptor none", lambda: list.append())
show("descriptor one", lambda: list.append(items))
show("descriptor wrong self", lambda: list.append((), 1))
show("bound two", lambda: bound(1, 2))
sub = PlainList()
list.append(sub, "x")
sub.append("y")
print(sub, len(sub))

show("sqrt", lambda: math.sqrt(2.0))
show("sqrt int", lambda: math.sqrt(16))
show("sqrt negative", lambda: math.sqrt(-1))
show("sqrt str", lambda: math.sqrt("4"))
show("sqrt none", lambda: math.sqrt())
show("sqrt keyword", lambda: math.sqrt(x=4))
show("sqrt map", lambda: list(map(math.sqrt, [1, 4, 9])))
show("len map", lambda: list(map(len, ["a", (1, 2), [1, 2, 3]])))

show("callable", lambda: (callable(len), callable(1), callable()))
show("ord", lambda: ord("é"))
show("ord long", lambda: ord("ab"))
show("ord keyword", lambda: ord(c="a"))
ext = [1]
ext.extend((2, 3))
list.extend(ext, "ab")
show("extend", lambda: ext)
show("extend bad", lambda: ext.extend(5))
show("extend none", lambda: ext.extend())
ext.remove("a")
show("remove", lambda: ext)
show("remove missing", lambda: ext.remove(99))
show("remove descriptor wrong self", lambda: list.remove((1,), 1))

# An error raised inside a fixed-arity body ends the program.
len(BadLen())
