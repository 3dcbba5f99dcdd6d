# and/or return operands, short-circuit evaluation, and `not`.
def t(label, v):
    print("eval", label)
    return v

print(t("a", 0) and t("b", 1))
print(t("a", 2) and t("b", 3))
print(t("a", 0) or t("b", ""))
print(t("a", "x") or t("b", "y"))
print([] or {} or 0 or "last")
print(1 and 2 and 3, 1 and 0 and 3)
print(None or [] and 5)
x = 5
print(x > 3 and "big" or "small", x > 10 and "big" or "small")
print(not 1 == 2, (not 1) == 2)
print(True + (not False), 0 or None)
