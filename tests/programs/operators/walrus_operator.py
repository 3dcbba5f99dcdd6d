# Assignment expressions (:=) in conditions, loops and expressions.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
values = iter(data)
while (v := next(values, None)) is not None:
    if v > 5:
        print("big", v)
print(v)
print([y for x in data if (y := x * 2) > 6], y)
total = 0
print([total := total + x for x in data], total)
print((z := 10) + z)
def f():
    if (m := 3) > 2:
        return m * 2
print(f())
print(x := 5, x)
