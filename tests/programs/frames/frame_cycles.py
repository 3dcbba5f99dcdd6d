# Frame objects that took their frame's data over take part in cycles the
# collector frees: a frame holding itself, an exception holding its
# traceback's frames, a generator frame object.
import gc
import sys

class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)

def self_holding():
    marker = Tracked("self-holding frame")
    me = sys._getframe()
    return me

self_holding()
print("collected", gc.collect() > 0)

def exception_cycle():
    marker = Tracked("exception cycle")
    try:
        raise ValueError("kept")
    except ValueError as e:
        caught = e
    return None

exception_cycle()
print("collected", gc.collect() > 0)

def generator_cycle():
    marker = Tracked("generator frame")
    me = sys._getframe()
    yield me

g = generator_cycle()
frame = next(g)
del g
print("generator dropped")
del frame
print("collected", gc.collect() > 0)

def live_then_cycle():
    marker = Tracked("proxy cycle")
    p = sys._getframe().f_locals
    p["again"] = p
    return p

proxy = live_then_cycle()
print(proxy["marker"].name, proxy["again"] is proxy)
del proxy
print("collected", gc.collect() > 0)

def suspended_generator_cycle():
    marker = Tracked("suspended in cycle")
    me = yield

s = suspended_generator_cycle()
next(s)
s.gi_frame.f_locals["me"] = s
del s
gc.collect()
print("end")
