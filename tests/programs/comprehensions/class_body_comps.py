# Comprehensions in a class body cannot see class-level names (except the first iterable).
class C:
    base = 10
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        shifted = [i + base for i in items]
    except NameError as e:
        error = f"{type(e).__name__}: {e}"
    pairs = [(i, j) for i in items for j in range(2)]

print(C.doubled)
print(C.error)
print(hasattr(C, "shifted"), hasattr(C, "i"))
print(C.pairs)
class D:
    n = 3
    table = {k: k for k in range(n)}
    gen_list = list(x for x in range(n))
print(D.table, D.gen_list)
