# __del__ runs before anything the program does next can observe it, even
# when the last reference dies in an instruction of the eval loop's fast tier
# (a local overwritten, a frame returning, a list slot replaced, a loop).
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def overwrite_local():
    x = Noisy("local")
    x = None
    print("after overwrite")
    return x


def returns_and_drops():
    y = Noisy("returned-frame")
    return 1


def loop_drops():
    for i in range(3):
        item = Noisy(f"loop{i}")
        total = i + 1
    print("loop done", total)


def slot_replaced():
    items = [Noisy("slot")]
    items[0] = 0
    print("after slot", items)


def generator_drops():
    g = Noisy("in-generator")
    yield 1
    g = None
    yield 2


overwrite_local()
print("returned", returns_and_drops())
loop_drops()
slot_replaced()
for v in generator_drops():
    print("yielded", v)
a = Noisy("module")
a = 5
print("module after", a)
