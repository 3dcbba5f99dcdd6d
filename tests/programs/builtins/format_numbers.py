# format() and the format-spec mini-language for numbers and strings, with errors.
cases = [
    (1234567, ","), (1234567, "_"), (0xFFFFFF, "_x"), (255, "#X"), (-255, "#010x"), (5, "08b"),
    (12345678, "015,d"), (-42, "05d"), (42, "+d"), (42, " d"), (65, "c"), (True, "x"), (True, "5"),
    (1234.5, "010,.1f"), (1234.56789, ",.6_f"), (12345.6789, ".3_f"), (1.5, "=^10"), (1.5, "0=10"),
    (2.0, ".3"), (1e20, ".3"), (123.0, ".2"), (1e16, ""), (1e15, ""), (-0.0, "z"), (-0.0001, "z.2f"),
    (-0.0001, "z.2e"), (1.5, "#.0f"), (1.5, "#.0e"), (2.0, "#g"), (1e-5, "g"), (1e-4, "g"),
    (123456789.0, "g"), (0.0, "g"), (0.0, "e"), (float("inf"), "F"), (float("nan"), "E"),
    (float("nan"), "+"), (float("inf"), "010"), (1.5, "010"), (-1.5, "010.2f"), (1.5, "n"),
    (1234567.0, "n"), (12, "n"), (1.25, ".1f"), (0.125, ".2%"), (10 ** 30, "e"), (10 ** 30, ",.2f"),
    (2 ** 70, "x"), (-2 ** 70, "+,"), ("ab", "\u00e9^7"), (123, "\x00^7"), ("ab", "05"), ("hi", "*^7"),
    ("truncate", ".3"), ("x", "<4"), (3.14159, "8.3f"), (0.000123, "e"), (1e-10, ".2e"), (0.25, "%"),
    (1e-7, ""), (1234, "#_o"), (5e-324, ".3g"), (1e100, ",.0f"),
]
for value, spec in cases:
    print(repr(value), repr(spec), repr(format(value, spec)))
errors = [
    (255, ",x"), (123, ",,"), (123, ",_"), (123, "_,"), (123, ",n"), (123, ".2d"), (123, "z"), (65, "+c"),
    (65, "#c"), (0x110000, "c"), (-1, "c"), ("ab", "=5"), ("ab", "+"), ("ab", "#"), ("ab", "z"),
    (1.5, ".f"), (1.5, "."), (1.5, "xyz"), (1, "xyz"), ("s", "xyz"), (1, "s"), ("s", "d"), (1.5, "d"),
    ("x", ","), (12, "#,x"), (1.5, "1" * 30),
]
for value, spec in errors:
    try:
        format(value, spec)
    except (ValueError, OverflowError) as e:
        print(repr(value), repr(spec), type(e).__name__, e)
class Custom:
    def __format__(self, spec):
        return "custom:" + spec
class Plain:
    pass
class Bad:
    def __format__(self, spec):
        return 5
print(format(Custom(), "abc"), f"{Custom():xyz}", format(Plain(), "") .startswith("<"))
for obj, spec in ((Plain(), "x"), (Bad(), "")):
    try:
        format(obj, spec)
    except TypeError as e:
        print(type(e).__name__, e)
print(f"{3.5:=+8.2f}", f"{8:#o}", f"{1234:_}", f"{0.5:.0%}", f"{-7:>+5}", f"{'s':^5}|")
print(format(5e-324, ".1100e")[-40:], format(1 / 3, ".70000g")[-10:], format(1 / 3, "#.70000g")[-10:])
print(len(format(2.5, ".70000%")), format(1e300, ".1200f")[-20:], len(format(1.5, ".100000f")))
for spec in ("9999999999999999999999", ".9999999999999999999f", ".2147483648f"):
    try:
        format(1.5, spec)
    except ValueError as e:
        print(type(e).__name__, e)
