# __getitem__, __setitem__, __delitem__ receive slice objects for slice syntax.
class Seq:
    def __init__(self):
        self.data = list(range(10))
    def __getitem__(self, key):
        print("get", repr(key))
        return self.data[key]
    def __setitem__(self, key, value):
        print("set", repr(key), value)
        self.data[key] = value
    def __delitem__(self, key):
        print("del", repr(key))
        del self.data[key]

s = Seq()
print(s[2])
print(s[1:4])
print(s[::3])
print(s[-2:])
s[0] = 100
s[1:3] = ["a", "b", "c"]
del s[::2]
print(s.data)
print(s[1, 2:3] if False else "skip")

class Multi:
    def __getitem__(self, key):
        return key
m = Multi()
print(m[1, 2], m[1:2, ...], m[:, None], m["k"])
