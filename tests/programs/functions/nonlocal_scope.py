# nonlocal rebinding across several levels, and shadowing.
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "inner"
        inner()
        return x
    r = middle()
    return r, x

print(outer())

def shadow():
    x = 1
    def inner():
        x = 2
        return x
    return inner(), x
print(shadow())

def acc():
    total = 0
    items = []
    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total
    return add, items
add, items = acc()
add(3); add(4)
print(add(5), items)

def unbound():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
    return inner()
print(unbound())
