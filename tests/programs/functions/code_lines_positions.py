# co_lines() and co_positions() describe the code (instruction sequences
# may differ from CPython's; their shape may not).
def sample(a, b):
    c = a + b
    if c > 10:
        return c * 2
    return c

code = sample.__code__
lines = list(code.co_lines())
positions = list(code.co_positions())
print(type(lines[0]).__name__, len(lines[0]), len(positions[0]))
print(all(start < end for start, end, _ in lines))
print(lines[0][0] == 0, lines[-1][1] == len(code.co_code))
print(all(prev[1] == nxt[0] for prev, nxt in zip(lines, lines[1:])))
print(len(positions) == len(code.co_code) // 2)
print(sorted({line for _, _, line in lines if line is not None}) == [3, 4, 5, 6, 7])
print(all(p[0] is None or code.co_firstlineno <= p[0] <= 7 for p in positions))
print(iter(code.co_lines()) is not None, hasattr(code.co_positions(), "__next__"))
