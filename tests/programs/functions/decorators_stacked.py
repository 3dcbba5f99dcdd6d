# Stacked decorators apply bottom-up; factories evaluate top-down.
order = []
def deco(name):
    order.append("make " + name)
    def apply(fn):
        order.append("apply " + name)
        def wrapper():
            return name + "(" + fn() + ")"
        return wrapper
    return apply

@deco("outer")
@deco("middle")
@deco("inner")
def f():
    return "f"

print(f())
for step in order:
    print(step)

def double(fn):
    return lambda x: fn(x) * 2
def inc(fn):
    return lambda x: fn(x) + 1

@double
@inc
def ident(x):
    return x
print(ident(5))

@inc
@double
def ident2(x):
    return x
print(ident2(5))
