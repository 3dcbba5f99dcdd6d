# A generator that resumes itself raises "generator already executing".
def selfish():
    yield 1
    yield next(me)

me = selfish()
print(next(me))
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
print(me.gi_running)
print(next(me, "finished"))

def sender():
    x = yield 1
    gen2.send(x)
gen2 = sender()
next(gen2)
try:
    gen2.send("again")
except ValueError as e:
    print(type(e).__name__, e)
