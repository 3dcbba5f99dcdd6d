# Closures capture variables (cells), not values.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())

def make_adders():
    return [lambda x: x + i for i in range(3)]
print([a(10) for a in make_adders()])

def make_adders_bound():
    return [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in make_adders_bound()])

def outer():
    x = 1
    def inner():
        return x
    x = 2
    return inner
print(outer()())

def nested():
    a = "a"
    def mid():
        b = "b"
        def inner():
            return a + b
        return inner
    return mid()()
print(nested())
print(c1.__closure__[0].cell_contents)
print(make_counter.__code__.co_cellvars, c1.__code__.co_freevars)
