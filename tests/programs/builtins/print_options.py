# print with sep, end, file and flush; printing to stderr.
import sys
print("a", "b", "c")
print("a", "b", "c", sep="-")
print("a", "b", sep="", end="!\n")
print("no newline", end="")
print(" then this")
print()
print(1, 2.5, None, True, [1], (2,), {"k": 3})
print("to stderr", file=sys.stderr)
print("x", "y", sep=None, end=None)
print(*range(5), sep=", ")
print("flushed", flush=True)
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", bad=1)
except TypeError as e:
    print(type(e).__name__, e)
print("final line to stderr", file=sys.stderr, end="\n")
