# sys.stdout/stderr/stdin: writing, replacing sys.stdout, print's file and
# flush arguments, input() at the end of input, the recursion limit's errors.
import sys
n = sys.stdout.write("written to stdout\n")
print(n, sys.stderr.write("written to stderr\n"))
print("print to stderr", 42, file=sys.stderr, sep=" | ")
print(sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.mode, sys.stdin.mode)
print(sys.stdout.encoding, sys.stdout.writable(), sys.stdin.readable(), sys.stdout.readable())
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.__stdout__ is sys.stdout, repr(sys.stdout))
try:
    sys.stdout.write(3)
except TypeError as e:
    print(type(e).__name__, e)

class Capture:
    def __init__(self):
        self.pieces = []
    def write(self, text):
        self.pieces.append(text)
        return len(text)
    def flush(self):
        self.pieces.append("<flush>")

capture = Capture()
sys.stdout = capture
print("captured", 1, 2.5, sep=", ", end="!\n")
print()
print("flushed", flush=True)
sys.stdout = sys.__stdout__
print(capture.pieces)
sys.stdout = None
print("goes nowhere")
sys.stdout = sys.__stdout__
try:
    input("prompt> ")
except EOFError as e:
    print()
    print(type(e).__name__, e)
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
limit = sys.getrecursionlimit()
def deep(n):
    if n == 0:
        try:
            sys.setrecursionlimit(5)
        except RecursionError as e:
            return str(e)
    return deep(n - 1)
print(deep(20).replace(str(20 + 2), "DEPTH"))
for bad in (0, -1, 2 ** 40, "10", 1.5):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(sys.getrecursionlimit() == limit)
sys.stderr.flush()
sys.stdout.flush()
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError:
    print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]), sys.exc_info()[2] is not None)
