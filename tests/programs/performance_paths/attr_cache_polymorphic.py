# One attribute site seeing many classes (more than the cache remembers),
# subclasses sharing a base's method, and instances that start shadowing a
# class attribute after the site cached it.


class Task:
    kind = "task"

    def __init__(self, n):
        self.n = n
        self.done = False

    def run(self):
        return "Task.run %d" % self.n

    def step(self):
        # Polymorphic sites: self.run, self.n, self.kind, self.done.
        self.done = not self.done
        return self.run(), self.n, self.kind, self.done


class DeviceTask(Task):
    kind = "device"

    def run(self):
        return "DeviceTask.run %d" % self.n


class HandlerTask(Task):
    def run(self):
        return "HandlerTask.run %d" % self.n


class IdleTask(Task):
    kind = "idle"


class WorkTask(Task):
    def __init__(self, n):
        self.extra = "first"
        super().__init__(n)

    def run(self):
        return "WorkTask.run %d %s" % (self.n, self.extra)


class SlotTask(Task):
    __slots__ = ("slot",)


tasks = [cls(i) for i, cls in enumerate([Task, DeviceTask, HandlerTask, IdleTask, WorkTask, SlotTask])]
for round_no in range(3):
    for t in tasks:
        print(round_no, type(t).__name__, t.step())

# An instance starts shadowing the method and the class constant.
idle = tasks[3]
idle.run = lambda: "instance run"
idle.kind = "instance kind"
print(idle.step())
del idle.run
del idle.kind
print(idle.step())

# A new instance attribute (growing the shared keys) that is not the name.
handler = tasks[2]
handler.other = 1
print(handler.step())
handler.run = lambda: "handler instance run"
print(handler.step())

# A fresh instance whose first attribute shadows the method.
fresh = HandlerTask.__new__(HandlerTask)
fresh.run = lambda: "fresh run"
fresh.n = 99
fresh.done = True
print(fresh.step())

# The base class constant changes: every subclass without its own follows.
Task.kind = "changed"
for t in tasks:
    print(type(t).__name__, t.step()[2])

# A class constant replaced by a property.
Task.kind = property(lambda self: "property kind of " + type(self).__name__)
for t in tasks:
    print(type(t).__name__, t.step()[2])

# Methods replaced on the base while subclasses keep theirs.
Task.run = lambda self: "patched Task.run"
for t in tasks:
    print(type(t).__name__, t.step()[0])

# A class dies: a new class (possibly at the same address) must not hit.
def make():
    class Temp(Task):
        def run(self):
            return "Temp.run %d" % self.n

    return Temp(7)


for _ in range(3):
    print(make().step())

import gc

gc.collect()
print(make().step())

# The slot member deleted, then the site raises.
s = tasks[5]


def read_slot(o):
    return o.slot


s.slot = "slot value"
print(read_slot(s))
del s.slot
read_slot(s)
