# PEP 695 type parameters and aliases, unions and builtin generic aliases.
def identity[T](x: T) -> T:
    return x

def constrained[S: (str, bytes), *Ts, **P](s: S) -> S:
    return s

T = identity.__type_params__[0]
S, Ts, P = constrained.__type_params__
print(identity(5), T, S, Ts, P, type(S).__name__, type(Ts).__name__, type(P).__name__)
print(T.__name__, T.__bound__, T.__constraints__, S.__constraints__, T.__infer_variance__, T.has_default())
type Pair[K, V] = tuple[K, V]
print(Pair, Pair.__name__, Pair.__type_params__, Pair.__value__, type(Pair).__name__, Pair.__module__)
type Later = UndefinedName
try:
    Later.__value__
except NameError as e:
    print(type(e).__name__, e)

print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int])
alias = dict[str, T]
print(alias.__origin__, alias.__args__, alias.__parameters__, alias[int], alias == dict[str, T])
try:
    list[int][str]
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict[T, S][int]
except TypeError as e:
    print(type(e).__name__, e)
print(list[int]("ab"), list[int] | None, int | list[str])
try:
    isinstance([], list[int])
except TypeError as e:
    print(type(e).__name__, e)

u = int | str | None
print(u, u.__args__, (int | str) == (str | int), int | int, isinstance("s", u), issubclass(bool, int | str))
print(T | None, type(T | int).__name__)
try:
    int | 5
except TypeError as e:
    print(type(e).__name__, e)
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "yes"
class Checked(metaclass=Meta):
    pass
print(isinstance("yes", Checked), isinstance("no", Checked), isinstance("yes", (int, Checked)))
