# The classic shared mutable default argument.
def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
print(append_to.__defaults__)

def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(safe_append(1))
print(safe_append(2))

def counter(d={}):
    d["n"] = d.get("n", 0) + 1
    return d["n"]

print([counter() for _ in range(4)])
