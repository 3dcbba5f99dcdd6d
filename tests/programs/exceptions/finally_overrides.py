# finally runs after the return value is computed; it can mutate but not rebind it.
def f():
    try:
        return "try"
    finally:
        print("finally runs before return")

def g():
    result = []
    try:
        result.append("try")
        return result
    finally:
        result.append("finally mutated the returned list")

def h():
    x = "original"
    try:
        return x
    finally:
        x = "rebinding does not change the return value"

print(f())
print(g())
print(h())
