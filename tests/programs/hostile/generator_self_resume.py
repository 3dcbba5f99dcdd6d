# Generators that try to resume themselves while running.
def via_next():
    yield next(g1)
g1 = via_next()
try:
    next(g1)
except ValueError as e:
    print("next:", type(e).__name__, e)

def via_send():
    yield g2.send(None)
g2 = via_send()
try:
    next(g2)
except ValueError as e:
    print("send:", type(e).__name__, e)

def via_throw():
    yield g3.throw(KeyError("k"))
g3 = via_throw()
try:
    next(g3)
except ValueError as e:
    print("throw:", type(e).__name__, e)

def via_close():
    yield g4.close()
g4 = via_close()
try:
    next(g4)
except ValueError as e:
    print("close:", type(e).__name__, e)

def via_list():
    yield 1
    yield list(g5)
g5 = via_list()
print(next(g5))
try:
    next(g5)
except ValueError as e:
    print("list:", type(e).__name__, e)
print([g.gi_running for g in (g1, g2, g3, g4, g5)])
