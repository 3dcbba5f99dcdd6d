"""Prints the table of `crates/vm/src/builtins/numeric_text.rs`: the code
points whose Unicode decimal value is 0 (each starts a run of ten decimal
digits), from the running Python's `unicodedata`.

Run with the reference interpreter:
    ../shared/bin/cpython3.14 crates/vm/scripts/gen_decimal_zeros.py
"""

import sys
import unicodedata

zeros = [c for c in range(sys.maxunicode + 1) if unicodedata.decimal(chr(c), -1) == 0]
assert all(unicodedata.decimal(chr(z + i), -1) == i for z in zeros for i in range(10))
print(f"/// Code points with decimal value 0 (Unicode {unicodedata.unidata_version}).")
print(f"const DECIMAL_ZEROS: [u32; {len(zeros)}] = [")
for i in range(0, len(zeros), 8):
    print("    " + ", ".join(f"0x{z:05X}" for z in zeros[i : i + 8]) + ",")
print("];")
