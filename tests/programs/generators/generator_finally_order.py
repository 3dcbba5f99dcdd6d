# Ordering of try/finally inside generators when consumers stop early.
def resource(name):
    print("open", name)
    try:
        for i in range(3):
            yield f"{name}{i}"
    finally:
        print("close", name)

for item in resource("a"):
    print("use", item)

g = resource("b")
print(next(g))
del g
print("after del")

def consumer():
    for x in resource("c"):
        if x == "c1":
            return x
print(consumer())
try:
    for x in resource("d"):
        raise ValueError(x)
except ValueError as e:
    print("error", e)
