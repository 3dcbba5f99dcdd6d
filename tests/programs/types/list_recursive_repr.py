# repr of self-referential containers uses [...] and {...}.
a = [1, 2]
a.append(a)
print(a)
print(repr(a), str(a))
d = {"k": 1}
d["self"] = d
print(d)
b = [a, [a]]
print(b)
x = [[]]
x[0].append(x)
print(x)
t = ([],)
t[0].append(t)
print(t)
print(a == a, a[2] is a, len(a))
