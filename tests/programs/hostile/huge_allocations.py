# Absurdly large allocations fail promptly with MemoryError or OverflowError.
attempts = [
    ("[0] * 10**12", lambda: [0] * 10 ** 12),
    ("[0] * 2**62", lambda: [0] * 2 ** 62),
    ("[0] * 2**63", lambda: [0] * 2 ** 63),
    ("'x' * 2**62", lambda: "x" * 2 ** 62),
    ("b'x' * 2**62", lambda: b"x" * 2 ** 62),
    ("bytearray(2**62)", lambda: bytearray(2 ** 62)),
    ("(0,) * 2**62", lambda: (0,) * 2 ** 62),
]
for label, attempt in attempts:
    try:
        result = attempt()
        print(label, "succeeded?", len(result))
    except (MemoryError, OverflowError) as e:
        print(label, "->", type(e).__name__, repr(str(e)))
print("still alive")
small = [0] * 10 ** 6
print(len(small))
