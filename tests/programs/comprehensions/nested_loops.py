# Nested for clauses and nested comprehensions.
print([(x, y) for x in range(3) for y in range(x, 3)])
print([c + d for c in "ab" for d in "xyz" if d != "y"])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([v for row in matrix for v in row])
print([[row[i] for row in matrix] for i in range(3)])
print([[v * 10 for v in row if v % 2] for row in matrix])
print({(a, b) for a in range(3) for b in range(3) if a < b} == {(0, 1), (0, 2), (1, 2)})
triples = [(a, b, c) for c in range(1, 21) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)
print(sum(x * y for x in range(4) for y in range(4)))
