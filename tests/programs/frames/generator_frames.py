# gi_frame / cr_frame / ag_frame: the generator's live frame object while
# it can still run, None once it finished; the frame keeps its data.
import sys

def gen():
    a = 1
    inside = sys._getframe()
    yield inside
    a = 2
    yield a

g = gen()
created = g.gi_frame
print(created is g.gi_frame, created.f_lineno, created.f_code.co_name)
print(g.gi_running, g.gi_suspended, g.gi_yieldfrom, created.f_back)
print(dict(created.f_locals), created.f_generator is g)
inside = next(g)
print(inside is created, inside.f_lineno, g.gi_suspended, sorted(inside.f_locals))
print(inside.f_back, inside.f_generator is g)
try:
    inside.clear()
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(g), inside.f_lineno, inside.f_locals["a"])
inside.f_locals["a"] = 40
try:
    next(g)
except StopIteration:
    print("finished")
print(g.gi_frame, g.gi_suspended, g.gi_running)
print(inside.f_lineno, inside.f_locals["a"], inside.f_back, inside.f_generator)
inside.clear()
print(dict(inside.f_locals))

def running():
    me = sys._getframe()
    print(g2.gi_running, g2.gi_frame is me, me.f_back.f_code.co_name)
    print(me.f_generator is g2)
    try:
        me.clear()
    except RuntimeError as e:
        print("RuntimeError:", e)
    yield 1

g2 = running()
next(g2)

def delegate():
    yield from inner_gen()

def inner_gen():
    yield "from inner"

d = delegate()
print(next(d), d.gi_yieldfrom.__name__, d.gi_frame.f_lineno)
print(d.gi_yieldfrom.gi_frame.f_lineno, d.gi_yieldfrom.gi_frame.f_back)

def never_started():
    local = "x"
    yield local

ns = never_started()
frame = ns.gi_frame
frame.clear()
print(ns.gi_frame, list(ns), frame.f_code.co_name)

async def coro():
    return 5

c = coro()
print(c.cr_frame.f_code.co_name, c.cr_await, c.cr_running, c.cr_suspended)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
print(c.cr_frame)

async def agen():
    yield 1

ag = agen()
print(ag.ag_frame.f_code.co_name, ag.ag_running)
ag.aclose().close()

def states():
    def g():
        yield
    x = g()
    seen = [x.gi_frame is not None]
    next(x)
    seen.append((x.gi_suspended, x.gi_frame is not None))
    x.close()
    seen.append((x.gi_suspended, x.gi_frame))
    return seen

print(states())

def raising():
    value = "kept"
    yield
    raise ValueError("boom")

r = raising()
frame = r.gi_frame
next(r)
try:
    next(r)
except ValueError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_frame is frame, tb.tb_lineno, frame.f_locals["value"], r.gi_frame)

def deleted_while_suspended():
    a = "value"
    yield

dg = deleted_while_suspended()
next(dg)
f = dg.gi_frame
del dg
print(f.f_locals["a"], f.f_generator, f.f_lineno)
