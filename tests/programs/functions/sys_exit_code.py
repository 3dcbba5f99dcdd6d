# sys.exit with an integer from inside a function; finally blocks still run.
import sys

def work():
    try:
        print("working")
        sys.exit(3)
    finally:
        print("cleanup")

try:
    work()
except SystemExit as e:
    print("caught", type(e).__name__, e.code)

def real_exit():
    print("exiting with 7")
    sys.exit(7)

real_exit()
print("not reached")
