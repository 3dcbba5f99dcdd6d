# PEP 695 generic function syntax and __type_params__.
def first[T](xs: list[T]) -> T:
    return xs[0]

print(first([3, 2, 1]))
print(first.__type_params__)
print(first.__type_params__[0].__name__)

def pair[K, V](k: K, v: V) -> tuple[K, V]:
    return (k, v)
print(pair("a", 1), [t.__name__ for t in pair.__type_params__])

def bounded[N: int](n: N) -> N:
    return n
print(bounded.__type_params__[0].__bound__)

def plain(x: int, y: "str" = "s") -> bool:
    return True
print(plain.__annotations__)
def no_ann(x): pass
print(no_ann.__annotations__)
