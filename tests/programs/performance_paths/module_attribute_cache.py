# Module attribute loads through the attribute cache: globals of a module,
# rebinding and deleting them, module __getattr__, attributes of the module
# type (__dict__, __class__), several modules at one site, submodules.
import math, sys, keyword, string
def get_pi(m):
    return m.pi
m1 = keyword; m1.pi = 1
m2 = string; m2.pi = 2
for i in range(3):
    print(get_pi(math), get_pi(m1), get_pi(m2))
m1.pi = 10
print(get_pi(m1))
del m1.pi
try:
    get_pi(m1)
except AttributeError as e:
    print(e)
m1.__getattr__ = lambda name: "dynamic " + name
print(get_pi(m1))
def dict_of(m):
    return type(m.__dict__).__name__, m.__class__.__name__, m.__name__
print(dict_of(m2), dict_of(math))
m2.__dict__["pi"] = 22
print(get_pi(m2))
def call_sqrt(x):
    return math.sqrt(x)
print([call_sqrt(i) for i in (4, 9, 16)])
import os.path
def join():
    return os.path.join("a", "b")
print(join(), join())
me = sys.modules[__name__]
pi = "main's pi"
print(get_pi(me))
pi = "rebound"
print(get_pi(me))
del pi
try:
    get_pi(me)
except AttributeError as e:
    print(e)
