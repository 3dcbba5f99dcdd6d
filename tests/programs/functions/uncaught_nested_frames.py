# Uncaught ZeroDivisionError three frames deep: traceback shows every frame.
def level3(x):
    return 10 / x

def level2(x):
    return level3(x - 1) + 1

def level1(x):
    values = [level2(i) for i in (3, 2)]
    values.append(level2(x))
    return values

print(level1(3))
print(level1(1))
