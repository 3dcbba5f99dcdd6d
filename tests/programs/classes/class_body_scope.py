# Class body scoping: names in the body are not visible in methods.
x = "global"
class C:
    x = "class"
    y = x + "!"
    def method(self):
        return x
    names = [x for _ in range(2)]

print(C.y, C().method())
print(C.names)

def f():
    x = "enclosing"
    class D:
        print("in body", x)
        x = "class-level"
        def m(self):
            return x
    return D
print(f()().m())

class E:
    a = 1
    b = a + 1
    del a
print(hasattr(E, "a"), E.b)
class Counter:
    total = 0
    for i in range(4):
        total += i
print(Counter.total, Counter.i)
