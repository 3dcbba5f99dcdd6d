"""Records CPython's repr() of floats, complex numbers, big ints, strings and
bytes into repr_cases.txt, which src/pyrepr.rs's tests compare against.

Run with the reference interpreter:
    /work/shared/bin/cpython3.14 crates/syntax/tests/data/gen_repr_cases.py

Format, one case a line, tab-separated (inputs are hex so any value fits):
    float   <f64 bits>                      <repr>
    complex <real bits> <imag bits>         <repr>
    int     <radix> <digits>                <repr>
    str     <code points, '-' if empty>     <repr>
    bytes   <hex bytes, '-' if empty>       <repr>
"""

import pathlib
import random
import struct
import sys

assert sys.version_info[:2] == (3, 14), "run with CPython 3.14"
sys.set_int_max_str_digits(0)
rng = random.Random(20250101)
lines = []


def bits(x):
    return f"{struct.unpack('<Q', struct.pack('<d', x))[0]:016x}"


floats = [0.0, -0.0, 0.1, 0.5, 1.0, 2.0, 10.0, 100.0, 1e15, 1e16, 1e17, 1e22, 1e23,
          1e-4, 1e-5, 0.0001, 0.00012345, 1.5e-5, 5e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, 123456789012345678.0, 1234567890123456.0,
          9999999999999998.0, 12345678901234567.0, 3.141592653589793, 1 / 3, 2 / 3,
          float("inf"), float("-inf"), float("nan"), -1.5, -1e-7, 1e100, 1e-100,
          4.35, 0.3, 1.1, 2.5e15, 9.999999999999999e15, 1e300 * 10, 123.456, 1e-310]
for _ in range(300):
    floats.append(struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0])
for _ in range(200):
    floats.append(rng.uniform(-1e6, 1e6))
for _ in range(100):
    floats.append(float(rng.randint(0, 10**rng.randint(1, 20))))
# Powers of two and their small multiples: exact values whose 17-digit
# rounding is a tie (2**-25 prints ...312e-08: ties go to the even digit).
for e in range(-1074, 1024):
    floats.append(2.0 ** e)
    floats.append(3 * 2.0 ** (e - 2))
for f in floats:
    lines.append(f"float\t{bits(f)}\t{f!r}")

complexes = [(0.0, 2.0), (0.0, 1.5), (0.0, 0.0), (0.0, 1e20), (0.0, 1e-5), (0.0, float("inf")),
             (0.0, 1e16), (0.0, 123456789.0), (0.0, 0.1), (1.0, 2.0), (-0.0, 1.0), (1.5, -2.5),
             (0.0, -3.0), (1.0, float("nan")), (float("inf"), float("-inf")), (1e16, 1e-5),
             (2.0, 0.0), (2.0, -0.0)]
for re_, im in complexes:
    lines.append(f"complex\t{bits(re_)}\t{bits(im)}\t{complex(re_, im)!r}")

ints = [(10, "0"), (10, "000"), (10, "9223372036854775808"), (10, "1" + "0" * 40),
        (16, "ffffffffffffffffffffffffffffffff"), (16, "8000000000000000"),
        (8, "7" * 50), (2, "1" * 130), (2, "1" + "0" * 64), (16, "0" * 5 + "1" + "0" * 30),
        (16, "DeadBeef" * 20), (10, "1" * 10000)]
for radix in (2, 8, 16):
    for n in (1, 19, 20, 59, 60, 61, 200, 2000):
        digits = "".join(rng.choice("0123456789abcdef"[:radix]) for _ in range(n))
        ints.append((radix, digits))
ints.append((16, "".join(rng.choice("0123456789abcdef") for _ in range(8400))))
for radix, digits in ints:
    lines.append(f"int\t{radix}\t{digits}\t{int(digits, radix)!r}")


def cps(s):
    return " ".join(f"{ord(c):x}" for c in s) or "-"


strs = ["", "a", "'", '"', "'\"", "it's", 'say "hi"', "both ' and \"", "\\", "\\n",
        "\n\r\t", "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xad\xff", "\u00e9\u00e0",
        "\ud800", "\udc80", "\ud83d\ude00", "\U0001f600", "e\u0301", "\u2028\u2029",
        "\ufeff", "\u0378", "\U000e0001", "\U0010ffff", "\ue000", "\u3000", "\u200b",
        "\u061c", "\U0001d400", "\u0085", "\t'\"\\", "日本語", "a\u00a0b", "\U000f0000",
        "\U0002ffff", "\U00031350", "\u1680", "\u202f", "\U0001fbf9", "\u0600", "\u08ff"]
for _ in range(300):
    n = rng.randint(1, 8)
    strs.append("".join(chr(rng.choice([rng.randrange(0x80), rng.randrange(0x800),
                                        rng.randrange(0x10000), rng.randrange(0x110000)]))
                        for _ in range(n)))
sample = set(range(0x800)) | set(range(0x800, 0x110000, 211))
for cp in range(1, 0x110000):  # both sides of every printable/non-printable edge
    if chr(cp).isprintable() != chr(cp - 1).isprintable():
        sample.update((cp - 1, cp))
for cp in sorted(sample):
    strs.append(chr(cp))
for s in strs:
    lines.append(f"str\t{cps(s)}\t{s!r}")

byts = [b"", b"a", b"'", b'"', b"'\"", b"\\", b"\n\r\t\x00", bytes(range(256)),
        b"it's", b'say "hi"']
for b in byts:
    lines.append(f"bytes\t{b.hex() or '-'}\t{b!r}")

out = pathlib.Path(__file__).resolve().parent / "repr_cases.txt"
out.write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"wrote {len(lines)} cases to {out}")
