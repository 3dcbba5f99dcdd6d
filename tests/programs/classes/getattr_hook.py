# __getattr__ is only called when normal lookup fails.
class Proxy:
    def __init__(self, target):
        self._target = target
        self.hits = 0
    def __getattr__(self, name):
        print("__getattr__", name)
        if name.startswith("secret"):
            raise AttributeError(f"no secrets: {name}")
        return getattr(self._target, name)

p = Proxy([3, 1, 2])
p.append(0)
print(p._target, p.hits)
print(p.count(1))
try:
    p.secret_key
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, "secret_x"), hasattr(p, "hits"))
print(getattr(p, "secret", "default"))

class Dyn:
    def __getattr__(self, name):
        return name * 2
d = Dyn()
print(d.ab, d.xyz)
d.ab = "real"
print(d.ab)
