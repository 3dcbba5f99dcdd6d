# Decorators with arguments (decorator factories).
def repeat(n):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]
        return wrapper
    return deco

@repeat(3)
def hi(x):
    return "hi " + x
print(hi("bob"))

def tag(name, **attrs):
    def deco(fn):
        def wrapper():
            extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
            return f"<{name}{extra}>{fn()}</{name}>"
        return wrapper
    return deco

@tag("p", cls="x", id="y")
def body():
    return "text"
print(body())

def prefix(p):
    print("factory", p)
    def deco(fn):
        print("decorating", fn.__name__)
        return lambda: p + fn()
    return deco

@prefix("a:")
def val():
    return "v"
print(val())
