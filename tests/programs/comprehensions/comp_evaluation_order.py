# Evaluation order inside dict comprehensions (key before value) and nested clauses.
def t(label, v):
    print(label, end=" ")
    return v
d = {t("k" + str(i), i): t("v" + str(i), i * i) for i in range(3)}
print()
print(d)
lst = [t(f"e{x}{y}", (x, y)) for x in range(2) if t(f"c{x}", True) for y in range(2)]
print()
print(lst)
s = {t("s", n % 2) for n in range(4)}
print()
print(sorted(s))
