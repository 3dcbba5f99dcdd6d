# A generator in a for loop (GET_ITER leaves it in place, FOR_ITER runs it
# inline): state, identity, send into a fresh generator, exhaustion.


def state(gen):
    return gen.gi_running, gen.gi_suspended, gen.gi_frame is not None


def g():
    print("running", state(it))
    yield 1
    yield 2
    return "done"


it = g()
print(iter(it) is it, state(it))
for x in it:
    print("got", x, state(it), it.gi_frame is not None)
print(state(it), it.gi_frame)
for x in it:
    print("never", x)
print(list(it))


def fresh():
    value = yield
    print("received", value)


f = fresh()
try:
    f.send(3)
except TypeError as e:
    print("TypeError:", e)
print([x for x in (i * i for i in range(5))])


def nested():
    for i in range(3):
        for j in (k for k in range(i)):
            yield i, j


print(list(nested()))


def boom():
    yield 1
    raise ValueError("inside")


for x in boom():
    print("item", x)
