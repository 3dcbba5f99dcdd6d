# N-queens with recursive generators and sets: generator resumption, set membership, tuples.
def solve(n):
    def place(row, cols, diag1, diag2, placed):
        if row == n:
            yield tuple(placed)
            return
        for col in range(n):
            if col in cols or (row - col) in diag1 or (row + col) in diag2:
                continue
            cols.add(col)
            diag1.add(row - col)
            diag2.add(row + col)
            placed.append(col)
            yield from place(row + 1, cols, diag1, diag2, placed)
            placed.pop()
            cols.discard(col)
            diag1.discard(row - col)
            diag2.discard(row + col)

    return place(0, set(), set(), set(), [])


def checksum(solutions):
    total = 0
    for sol in solutions:
        for i, c in enumerate(sol):
            total = (total * 31 + (i + 1) * (c + 7)) % 1_000_000_007
    return total


for _ in range(3):
    results = []
    for n in (6, 7, 8, 9, 10, 11):
        sols = list(solve(n))
        results.append((n, len(sols), checksum(sols)))
for n, count, chk in results:
    print(n, count, chk)
