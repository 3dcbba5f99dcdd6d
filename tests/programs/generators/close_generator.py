# gen.close() raises GeneratorExit at the yield; ignoring it is a RuntimeError.
def polite():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("cleanup")

g = polite()
print(next(g))
print(g.close())
print(g.close())
print(next(g, "after close"))

def stubborn():
    ignored = 0
    while True:
        try:
            yield "x"
        except GeneratorExit:
            if ignored:
                print("giving up")
                return
            ignored += 1
            print("ignoring exit")

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
s.close()
print("second close ok")

def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "closed value"
r = returns_on_close()
next(r)
print(r.close())
unstarted = polite()
unstarted.close()
print("unstarted closed quietly")
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))
