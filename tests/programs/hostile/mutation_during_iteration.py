# Mutating containers while iterating over them.
d = {1: "a", 2: "b"}
try:
    for k in d:
        d[k + 10] = "new"
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2, 3}
try:
    for v in s:
        s.add(v * 10)
except RuntimeError as e:
    print(type(e).__name__, e)
d2 = {1: 1, 2: 2}
try:
    for k in d2:
        del d2[k]
        d2[k + 100] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
lst = [1, 2, 3, 4, 5, 6]
for x in lst:
    if x % 2 == 0:
        lst.remove(x)
print("list after removing while iterating:", lst)
grow = [0]
for x in grow:
    if len(grow) < 5:
        grow.append(x + 1)
print("grown:", grow)
keys = {"a": 1, "b": 2}
for k in list(keys):
    keys[k * 2] = 0
print(sorted(keys))
