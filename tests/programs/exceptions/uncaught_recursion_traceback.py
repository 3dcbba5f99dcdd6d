# An uncaught RecursionError: the traceback collapses the repeated frames.
def countdown(n):
    if n == 0:
        return descend(0)
    return countdown(n - 1)

def descend(n):
    return descend(n + 1)

print("descending")
countdown(5)
