# A small recursion limit: how deep code can go, and the limit's validation.
import sys
depth = 0
def probe():
    global depth
    depth += 1
    probe()

sys.setrecursionlimit(60)
try:
    probe()
except RecursionError as e:
    print("reached", depth, "->", e)
print(sys.getrecursionlimit())
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
try:
    fact(100)
except RecursionError as e:
    print("fact(100):", type(e).__name__)
print("fact(20):", fact(20))
sys.setrecursionlimit(1000)
print("fact(100) digits:", len(str(fact(100))))
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    sys.setrecursionlimit("10")
except TypeError as e:
    print(type(e).__name__, e)
