# Conditional expressions evaluate only the chosen branch.
def side(label, v):
    print("eval", label)
    return v

print(side("yes", 1) if side("cond", True) else side("no", 2))
print(side("yes", 1) if side("cond", 0) else side("no", 2))
x = 7
print("odd" if x % 2 else "even")
print("neg" if x < 0 else "zero" if x == 0 else "pos")
print([("F" if i % 3 == 0 else "") + ("B" if i % 5 == 0 else "") or str(i) for i in range(1, 16)])
y = (lambda: "lam") if x else None
print(y())
