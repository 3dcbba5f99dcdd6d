# input() with stdin closed raises EOFError.
try:
    line = input()
except EOFError as e:
    print(type(e).__name__, repr(str(e)))
try:
    line = input("prompt> ")
except EOFError as e:
    print()
    print(type(e).__name__, e)
