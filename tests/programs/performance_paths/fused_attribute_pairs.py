# LOAD_FAST + LOAD_ATTR / STORE_ATTR pairs the eval loop fuses: instance
# attributes, __slots__, properties, __setattr__, polymorphic owners,
# unbound locals and errors raised by the attribute instruction.
class P:
    def __init__(self, x):
        self.x = x
        y = x * 2
        self.y = y
    def total(self):
        return self.x + self.y

class S:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
        y = -x
        self.y = y
    def total(self):
        return self.x + self.y

class Prop:
    def __init__(self):
        self._v = 0
    @property
    def x(self):
        return self._v
    @x.setter
    def x(self, v):
        print("set", v)
        self._v = v

class Logged:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)

def set_x(obj, v):
    obj.x = v
    return obj.x

def set_pair(obj, x):
    obj.x = x

for cls in (P, S):
    for i in range(4):
        o = cls(i)
        print(cls.__name__, o.total(), set_x(o, i + 10), o.x)
for o in (P(1), S(2), Prop(), Logged()):
    for i in range(3):
        print(type(o).__name__, set_x(o, i))
        set_pair(o, i * 7)
        print(o.x)

def unbound():
    if False:
        q = P(1)
    return q.x
try:
    unbound()
except UnboundLocalError as e:
    print(e)

def missing(o):
    return o.nope
try:
    missing(P(3))
except AttributeError as e:
    print(e)

class Frozen:
    __slots__ = ()
def store_missing(o):
    o.z = 1
try:
    store_missing(Frozen())
except AttributeError as e:
    print(e)
store_missing(P(0))

def shadow(o):
    o.total = lambda: "instance"
    return o.total()
print(shadow(P(5)))
