# Frame objects stay valid after their frame returned: they take the
# frame's data over (locals, position) and keep the f_back of that moment.
import sys

saved = None

def inner(a):
    global saved
    b = a * 2
    saved = sys._getframe()
    b += 1
    return b

def outer():
    x = "outer local"
    return inner(10)

print(outer())
print(saved.f_code.co_name, saved.f_lineno, sorted(saved.f_locals.items()))
print(saved.f_back.f_code.co_name, saved.f_back.f_lineno, dict(saved.f_back.f_locals))
print(saved.f_back.f_back.f_code.co_name, saved.f_back.f_back.f_back)
print(saved.f_generator, saved.f_lasti >= 0)
# Writing through the proxy of a finished frame changes only the copy.
saved.f_locals["b"] = 99
print(saved.f_locals["b"], saved.f_locals.get("a"))
saved.clear()
print(dict(saved.f_locals), saved.f_code.co_name)

def fails(n):
    secret = [n]
    if n == 0:
        raise KeyError("deep")
    return fails(n - 1)

try:
    fails(2)
except KeyError as e:
    tb = e.__traceback__
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_lineno,
              dict(tb.tb_frame.f_locals) if tb.tb_frame.f_code.co_name != "<module>" else "-")
        tb = tb.tb_next
    # Each frame's f_back is the caller's frame object, the same object the
    # traceback holds.
    print(frames[3].f_back is frames[2], frames[2].f_back is frames[1],
          frames[1].f_back is frames[0])
    print(frames[0] is sys._getframe())

def catch_here():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e.__traceback__.tb_frame is sys._getframe()

print(catch_here())

def gen_locals():
    value = "in generator"
    yield sys._getframe()

frame = next(gen_locals())
# The generator was freed; its frame object kept the data.
print(frame.f_code.co_name, dict(frame.f_locals), frame.f_back, frame.f_generator)

def keep_cycle():
    me = sys._getframe()
    return me

f = keep_cycle()
print("me" in f.f_locals, f.f_locals["me"] is f)
import gc
del f
print(gc.collect() >= 0)

def raise_after_inspecting():
    data = {"k": 1}
    frame = sys._getframe()
    print(frame.f_locals["data"])
    return data["missing"]

raise_after_inspecting()
