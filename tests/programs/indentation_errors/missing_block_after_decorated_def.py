@dec
def f():
return 1
