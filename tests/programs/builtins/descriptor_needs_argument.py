# Calling a builtin method or slot wrapper through its class with no
# arguments: slot wrappers and plain methods word the error differently.
for f in [object.__init__, list.append, int.__add__, str.upper,
          BaseException.__init__, object.__repr__, list.__len__,
          ValueError.__str__, dict.keys, str.__eq__]:
    try:
        f()
    except TypeError as e:
        print(type(f).__name__, e)

try:
    BaseException.__init__()
except TypeError as e:
    print(e)
object.__init__()
