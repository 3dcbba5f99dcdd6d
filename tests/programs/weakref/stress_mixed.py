# Many weak references and proxies, with and without callbacks, to objects
# that die in random order, through cycles and through resurrecting __del__.
import weakref, gc, random
random.seed(5)
class O:
    def __init__(self, i): self.i = i
class R:
    saved = []
    def __del__(self):
        if len(R.saved) < 50:
            R.saved.append(self)   # resurrect
objs = [O(i) if i % 3 else R() for i in range(3000)]
refs = []
calls = [0]
def cb(r): calls[0] += 1
for i in range(6000):
    o = random.choice(objs)
    k = random.random()
    if k < 0.3: refs.append(weakref.ref(o))
    elif k < 0.6: refs.append(weakref.ref(o, cb))
    elif k < 0.8: refs.append(weakref.proxy(o, cb))
    else:
        o.link = random.choice(objs)
del o
random.shuffle(objs)
while objs:
    del objs[-random.randint(1, 50):]
    if random.random() < 0.2:
        del refs[:random.randint(0, 100)]
    if random.random() < 0.1:
        gc.collect()
gc.collect()
alive = sum(1 for r in refs if type(r) is weakref.ref and r() is not None)
print("alive", alive, "saved", len(R.saved), "calls>0", calls[0] > 0)
R.saved.clear()
gc.collect()
print(sum(1 for r in refs if type(r) is weakref.ref and r() is not None))
