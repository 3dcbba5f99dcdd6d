# The iteration variable of a comprehension does not leak into the enclosing scope.
x = "outer x"
result = [x for x in range(3)]
print(result, x)
y = "outer y"
g = {y: y for y in "ab"}
print(g, y)
def f():
    i = "local i"
    squares = [i * i for i in range(4)]
    return squares, i
print(f())
try:
    [leak for leak in range(2)]
    print(leak)
except NameError as e:
    print(type(e).__name__, e)
z = 10
print([z + k for k in range(3)])
print([k for k in range(3)], "k" in dir())
