# Loads of locals that may or may not be bound: the compiler only checks
# where a local can really be unbound; behaviour must match CPython.

def loop_then_read(n):
    for i in range(n):
        last = i
    return last

print(loop_then_read(3))
try:
    loop_then_read(0)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def after_del(flag):
    x = 1
    if flag:
        del x
    return x

print(after_del(False))
try:
    after_del(True)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def in_try(fail):
    try:
        if fail:
            raise ValueError
        y = 5
    except ValueError:
        pass
    return y

print(in_try(False))
try:
    in_try(True)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def param_deleted(a):
    del a
    try:
        return a
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)

print(param_deleted(1))

def while_loop(n):
    i = 0
    while i < n:
        if i == 2:
            found = i
        i += 1
    return found

print(while_loop(5))
try:
    while_loop(1)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def comprehension_shadow():
    x = "outer"
    ys = [x for x in range(3)]
    return x, ys

print(comprehension_shadow())

def except_name():
    try:
        raise KeyError("k")
    except KeyError as err:
        pass
    try:
        return err
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)

print(except_name())

def many_locals(flag):
    # More than 64 locals: the ones past 64 are judged block by block.
    a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = a8 = a9 = 0
    b0 = b1 = b2 = b3 = b4 = b5 = b6 = b7 = b8 = b9 = 0
    c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = c8 = c9 = 0
    d0 = d1 = d2 = d3 = d4 = d5 = d6 = d7 = d8 = d9 = 0
    e0 = e1 = e2 = e3 = e4 = e5 = e6 = e7 = e8 = e9 = 0
    f0 = f1 = f2 = f3 = f4 = f5 = f6 = f7 = f8 = f9 = 0
    g0 = g1 = g2 = g3 = g4 = g5 = g6 = g7 = g8 = g9 = 0
    if flag:
        late = 7
    total = a0 + b9 + c5 + d3 + e2 + f1 + g9
    return total + late

print(many_locals(True))
try:
    many_locals(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def uncaught(n):
    for i in range(n):
        value = i
    return value

uncaught(0)
