# Closures created inside comprehensions capture the comprehension's variable cell.
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
def outer():
    k = 5
    return [lambda: k + j for j in range(2)]
print([f() for f in outer()])
def make():
    result = {name: (lambda n=name: n.upper()) for name in ("a", "b")}
    return {k: f() for k, f in result.items()}
print(make())
adders = [(lambda x, n=n: x + n) for n in range(1, 4)]
print([add(10) for add in adders])
