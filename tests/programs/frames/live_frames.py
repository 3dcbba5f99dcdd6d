# Frame objects read the live frame: f_lineno follows the running code,
# f_back walks the callers, one frame object per frame.
import sys

def where():
    return sys._getframe(1).f_lineno

def loop():
    me = sys._getframe()
    lines = []
    for i in range(3):
        lines.append(me.f_lineno)
        lines.append(where())
    lines.append(me.f_lineno)
    return lines

print(loop())

def chain(n):
    if n == 0:
        f = sys._getframe()
        names = []
        while f is not None:
            names.append((f.f_code.co_name, f.f_lineno))
            f = f.f_back
        return names
    return chain(n - 1)

print(chain(3))

def identity():
    a = sys._getframe()
    b = sys._getframe()
    print(a is b, a.f_back is sys._getframe(1), sys._getframe(0) is a)
    print(a.f_globals is globals(), a.f_builtins is __builtins__.__dict__)
    print(a.f_code is identity.__code__, a.f_code.co_name)
    print(type(a).__name__, type(a).__module__)
    print(a.f_lasti >= 0 and a.f_lasti % 2 == 0)
    print(a.f_trace, a.f_trace_lines, a.f_trace_opcodes, a.f_generator)
    a.f_trace = print
    print(a.f_trace is print)
    del a.f_trace
    print(a.f_trace)

identity()

top = sys._getframe()
print(top.f_code.co_name, top.f_back, top.f_lineno)
print(top.f_locals is globals())
print(repr(top).startswith("<frame at 0x"), repr(top).rsplit(", ", 2)[1:])

def depth_errors():
    for depth in (1, 2, 3, 50, -1, -100):
        try:
            f = sys._getframe(depth)
            print(depth, f.f_code.co_name)
        except ValueError as e:
            print(depth, "ValueError:", e)

depth_errors()

def running_clear():
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        sys._getframe(1).clear()
    except RuntimeError as e:
        print("RuntimeError:", e)

running_clear()

def setters():
    f = sys._getframe()
    for name, value in (("f_lineno", 3), ("f_back", None), ("f_locals", {}), ("f_lasti", 0)):
        try:
            setattr(f, name, value)
        except (AttributeError, ValueError) as e:
            print(type(e).__name__, e)
    try:
        type(f)()
    except TypeError as e:
        print("TypeError:", e)

setters()
