# __getattribute__ intercepts every attribute access.
class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return object.__getattribute__(self, name)
    def method(self):
        return self.a + 1

x = Logged()
print(x.a)
print(x.method())
try:
    x.missing
except AttributeError as e:
    print(type(e).__name__, e)

class Fallback:
    def __getattribute__(self, name):
        if name == "magic":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback for " + name
print(Fallback().magic)
print(Fallback().other)
