# The @ operator via __matmul__, __rmatmul__ and __imatmul__.
class M:
    def __init__(self, rows):
        self.rows = rows
    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return M([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __rmatmul__(self, other):
        return f"rmatmul with {other!r}"
    def __repr__(self):
        return f"M({self.rows})"

a = M([[1, 2], [3, 4]])
b = M([[5, 6], [7, 8]])
print(a @ b)
print("left" @ a)
a @= b
print(a)
try:
    1 @ 2
except TypeError as e:
    print(type(e).__name__, e)
