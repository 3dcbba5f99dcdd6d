# List comprehensions: mapping, filtering, conditional expressions.
nums = range(10)
print([n * n for n in nums])
print([n for n in nums if n % 3 == 0])
print([n if n % 2 else -n for n in nums])
print([c.upper() for c in "hello" if c != "l"])
print([(i, s) for i, s in enumerate("abc")])
print([x for x in []])
print([len(w) for w in "a bb ccc".split()])
print([[0] * 3 for _ in range(2)])
print([f(3) for f in (abs, str, float)])
words = ["apple", "Banana", "cherry"]
print([w for w in words if w[0].islower() if len(w) > 5])
