def f():
    global x.y
