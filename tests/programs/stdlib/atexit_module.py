# atexit: callbacks run when the program ends, last registered first, with
# their arguments; unregister removes every registration of a function;
# an exception in one is reported and the others still run.
import atexit


def hello(*args, **kwargs):
    print("hello", args, kwargs)


def goodbye():
    print("goodbye")


class Failing:
    def __call__(self):
        raise ValueError("from an exit function")

    def __repr__(self):
        return "<Failing>"


print(atexit.register(hello, 1, 2, key="value") is hello)
atexit.register(goodbye)
atexit.register(Failing())
atexit.register(goodbye)
atexit.register(print, "registered last, runs first")
print(atexit._ncallbacks())
atexit.unregister(goodbye)
print(atexit._ncallbacks())
try:
    atexit.register(3)
except TypeError as e:
    print("TypeError:", e)
atexit.register(goodbye)
print("end of program")
