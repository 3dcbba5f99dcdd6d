# Metaclass __call__ controls instance creation (a singleton).
class Singleton(type):
    def __call__(cls, *args, **kwargs):
        if "_instance" not in cls.__dict__:
            print("creating", cls.__name__, args)
            cls._instance = super().__call__(*args, **kwargs)
        return cls._instance

class Config(metaclass=Singleton):
    def __init__(self, value):
        self.value = value

a = Config(1)
b = Config(2)
print(a is b, a.value, b.value)

class Other(Config):
    pass
c = Other(3)
print(c is a, c.value)

class Counting(type):
    calls = 0
    def __call__(cls, *a):
        Counting.calls += 1
        obj = cls.__new__(cls)
        obj.__init__(*a)
        return obj
class P(metaclass=Counting):
    def __init__(self, v):
        self.v = v
print([P(i).v for i in range(3)], Counting.calls)
