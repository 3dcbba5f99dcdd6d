"""Record CPython 3.14's hash() values for krait's hash module tests.

Run with the reference interpreter from the repository root:

    ../shared/bin/cpython3.14 crates/vm/scripts/record_hash_values.py

Runs itself in subprocesses with PYTHONHASHSEED set to each of SEEDS and
writes crates/vm/tests/data/hash_values.txt: per seed, `hash()` of many
strs (ASCII, Latin-1, BMP, astral, lone surrogates, long), bytes, ints,
floats, complex numbers, tuples (nested), frozensets, None, bools, and
objects hashed by identity (NaNs, `object()`); then, per PYTHONHASHSEED
text in SEED_TEXTS, whether CPython accepts it and `hash('abc')` under it.

Line formats (tokens separated by one space):

    seed N                      the following values were hashed under N
    HASH VALUE                  hash(VALUE) == HASH
    seedtext HEX error          CPython refused PYTHONHASHSEED=bytes.fromhex(HEX)
    seedtext HEX random         ... it meant a random seed
    seedtext HEX fixed HASH     ... it meant a fixed seed; hash('abc') == HASH

VALUE is written in prefix form so the Rust test can rebuild it:

    none | true | false
    int SIGN HEX                sign '+' or '-', magnitude in hex
    float BITS                  IEEE-754 bits, 16 hex digits (never NaN)
    nan BITS ID                 a NaN float object and its id()
    complex BITS BITS ID        real and imaginary bits, the object's id()
    str HEX                     UTF-8 with lone surrogates (surrogatepass)
    bytes HEX
    tuple N VALUE*N
    frozenset N VALUE*N
    object ID                   an object() and its id()

An empty HEX is written `-`.
"""

import os
import random
import struct
import subprocess
import sys

SEEDS = [0, 1, 42, 123456789, 4294967295]

SEED_TEXTS = [
    "0", "1", "42", "4294967295", "random", " 7", "\t+7", "-0", "+0", "007",
    "-18446744073709551615", "-1", "4294967296", "5 ", "0x10", "abc", "+", "",
    "99999999999999999999999", "1.0", "Random",
]

OUT = os.path.join("crates", "vm", "tests", "data", "hash_values.txt")


def hexify(data):
    return data.hex() or "-"


def float_bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def encode(value, out):
    """Append the prefix-form tokens of value to out."""
    if value is None:
        out.append("none")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif type(value) is int:
        out += ["int", "-" if value < 0 else "+", format(abs(value), "x")]
    elif type(value) is float:
        if value != value:
            out += ["nan", float_bits(value), str(id(value))]
        else:
            out += ["float", float_bits(value)]
    elif type(value) is complex:
        out += ["complex", float_bits(value.real), float_bits(value.imag),
                str(id(value))]
    elif type(value) is str:
        out += ["str", hexify(value.encode("utf-8", "surrogatepass"))]
    elif type(value) is bytes:
        out += ["bytes", hexify(value)]
    elif type(value) is tuple:
        out += ["tuple", str(len(value))]
        for item in value:
            encode(item, out)
    elif type(value) is frozenset:
        out += ["frozenset", str(len(value))]
        for item in value:
            encode(item, out)
    elif type(value) is object:
        out += ["object", str(id(value))]
    else:
        raise TypeError(type(value))


def strings(rng):
    out = ["", "a", "abc", "hello world", "Hello, World!"]
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"
    out += [letters[:n] for n in range(1, 37)]
    # Latin-1: every length 1..17 so each tail size meets each alignment.
    out += ["\xe9", "caf\xe9", "\x80", "\xff", "\xe9t\xe9", "na\xefve"]
    out += ["\xff" * n for n in range(1, 18)]
    out += ["a\xe9" * n for n in range(1, 12)]
    out += ["abcdefgh\xe9", "abcdefghijklmnop\xe9q", "\xe9abcdefghijklmnopqrstuvw"]
    # BMP.
    out += ["\u20ac", "a\u20ac", "\u0100", "\uffff", "\u65e5\u672c\u8a9e",
            "price: 5\u20ac"]
    out += ["\u0100" * n for n in range(1, 18)]
    # Astral.
    out += ["\U0001f600", "a\U0001f600b", "\U0010ffff", "\U00010000",
            "\xe9\u20ac\U0001f600"]
    out += ["\U0001f600" * n for n in range(1, 10)]
    # Lone surrogates: in the BMP and next to astral code points.
    out += ["\udc80", "\ud800", "\udfff", "a\ud800b", "\ud83d\ude00",
            "\udfff" * 3, "\U0001f600\udc80", "\xe9\udc80", "abcdefgh\udc80"]
    # Long, and lengths around 256 (the length byte of the last block).
    for n in (255, 256, 257, 300):
        out += ["a" * n, "\xe9" * n, "\u20ac" * n, "\U0001f600" * n]
    out += ["x" * 300 + "\xe9", "x" * 300 + "\u20ac", "x" * 300 + "\U0001f600"]
    # Random mixtures of each kind.
    alphabets = [
        [chr(c) for c in range(32, 127)],
        [chr(c) for c in range(32, 256)],
        [chr(c) for c in range(32, 0x3000, 7)] + ["\ud800", "\udbff", "\udc00"],
        [chr(c) for c in range(32, 0x110000, 4099)] + ["\udc80"],
    ]
    for _ in range(80):
        alphabet = rng.choice(alphabets)
        out.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(41))))
    return out


def byte_strings(rng):
    out = [b"", b"a", b"abc", bytes(range(256)), b"\xff" * 300, b"\x00" * 9]
    out += [bytes(range(n)) for n in range(1, 18)]
    out += [rng.randbytes(rng.randrange(41)) for _ in range(40)]
    return out


def ints(rng):
    m = 2**61 - 1
    out = [0, 1, -1, 2, -2, 3, -3, 10, -10, 2**30 - 1, 2**30, -(2**30),
           m - 1, m, m + 1, -m, -m - 1, -m + 1, 2 * m, 2 * m - 1, 2 * m + 1,
           2**61, 2**62, 2**63 - 1, -(2**63), 2**63, 2**64 - 1, 2**64,
           -(2**64), 10**100, -(10**100), 2**1000 - 1, -(2**1000 + 1),
           m * 12345, -(m * 12345) - 1, m**3 - 1]
    for k in range(1, 9):
        out += [m**k, m**k + 1, -(m**k) - 1, 2**(61 * k), 2**(64 * k) - 1]
    for _ in range(60):
        n = rng.getrandbits(rng.randrange(1, 600))
        out.append(-n if rng.random() < 0.5 else n)
    return out


def floats(rng):
    out = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, -1.5, 2.0, 0.1, 0.2, 3.141592653589793,
           float("inf"), float("-inf"), 1e308, -1e308, 1.7976931348623157e308,
           5e-324, -5e-324, 2.2250738585072014e-308, 1e-300, 1e-10,
           2.0**52, 2.0**53, 2.0**61, -2.0**61, 2.0**62, 2.0**63, 2.0**64, 2.0**-61,
           2.0**-62, 2.0**1000, 2.0**-1000, 123456789.125, -0.1, 1e22, 1e23]
    # Integers as floats, equal to ints in the int list.
    out += [float(2**61 - 1), float(-(2**61)), float(10**20)]
    while len(out) < 120:
        x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if x == x:
            out.append(x)
    out += [rng.uniform(-1e6, 1e6) for _ in range(20)]
    return out


def complexes():
    inf = float("inf")
    return [0j, 1j, -1j, 1 + 0j, complex(1, -1), complex(0.5, -0.5),
            complex(-1, 0), complex(inf, 1), complex(1, -inf), complex(1e300, 1e-300),
            complex(-2.0, 3.25), complex(123.0, 456.0), complex(-0.0, -0.0)]


def tuples(strs):
    nested = ()
    for i in range(20):
        nested = (i, nested)
    return [(), (1,), (1, 2), (1, 2, 3), (-1,), (-2,), ("a",), (None,),
            (True, False), ((),), ((1, 2), (3, 4)), (1.5, "x", b"y", (2, ("z",))),
            tuple(range(50)), nested, (frozenset({1}),), tuple(strs[:30]),
            ("\udc80", "\U0001f600", "\xe9"), (0.5, 1j, 2**100)]


def frozensets():
    return [frozenset(), frozenset({0}), frozenset({1}), frozenset({-1}),
            frozenset({1, 2, 3}), frozenset(range(100)), frozenset({"a", "b"}),
            frozenset({frozenset(), frozenset({1})}), frozenset({(1, 2), "x", 3.5}),
            frozenset({b"x", None, True, 2**70}),
            frozenset(frozenset(range(i)) for i in range(6))]


def child():
    rng = random.Random(20251014)
    strs = strings(rng)
    values = [None, True, False]
    values += strs + byte_strings(rng) + ints(rng) + floats(rng) + complexes()
    values += tuples(strs) + frozensets()
    # Hashed by identity: keep the objects alive while printing.
    keep = [float("nan"), float("-nan"), complex(float("nan"), 1.0),
            complex(1.0, float("nan")), object(), object()]
    values += keep
    lines = []
    for value in values:
        tokens = [str(hash(value))]
        encode(value, tokens)
        lines.append(" ".join(tokens))
    sys.stdout.write("\n".join(lines) + "\n")


def probe():
    print(sys.flags.hash_randomization, hash("abc"))


def run(env_value, mode):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = env_value
    return subprocess.run([sys.executable, __file__, mode], env=env,
                          capture_output=True, text=True)


def main():
    out = [
        "# hash() values recorded from CPython %s by"
        " crates/vm/scripts/record_hash_values.py; do not edit." % sys.version.split()[0]
    ]
    for seed in SEEDS:
        result = run(str(seed), "--child")
        if result.returncode != 0:
            sys.exit(result.stderr)
        out.append("seed %d" % seed)
        out += result.stdout.splitlines()
    for text in SEED_TEXTS:
        result = run(text, "--probe")
        encoded = hexify(text.encode())
        if result.returncode != 0:
            assert "PYTHONHASHSEED must be" in result.stderr, result.stderr
            out.append("seedtext %s error" % encoded)
            continue
        randomized, abc = result.stdout.split()
        if text in ("", "random"):
            out.append("seedtext %s random" % encoded)
        else:
            out.append("seedtext %s fixed %s" % (encoded, abc))
    with open(OUT, "w") as f:
        f.write("\n".join(out) + "\n")
    print("wrote %s (%d lines)" % (OUT, len(out)))


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        child()
    elif sys.argv[1:] == ["--probe"]:
        probe()
    else:
        main()
