# Uncaught RecursionError: the traceback collapses repeated frames.
def descend(n):
    return descend(n + 1)

import sys
print("limit", sys.getrecursionlimit())
def shallow(n):
    return 0 if n == 0 else 1 + shallow(n - 1)
print("shallow", shallow(900))
print("descending")
descend(0)
