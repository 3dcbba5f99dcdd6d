# An uncaught TypeError from a bad call, with a traceback through two frames.
def target(a, b, c):
    return a + b + c

def caller():
    print("calling")
    return target(1, 2)

print("start")
caller()
print("never printed")
