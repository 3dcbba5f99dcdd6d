# format() and format-spec mini-language for ints, floats and strings.
print(format(42), format(42, "d"), format(42, "5d") + "|", format(42, "<5") + "|", format(42, "^6") + "|")
print(format(42, "05d"), format(-42, "05d"), format(42, "+d"), format(42, " d"))
print(format(255, "x"), format(255, "X"), format(255, "#x"), format(255, "o"), format(255, "#b"), format(5, "08b"))
print(format(1234567, ","), format(1234567, "_"), format(0xFFFFFF, "_x"))
print(format(3.14159, ".2f"), format(3.14159, "8.3f") + "|", format(0.000123, "e"), format(1e-10, ".2e"))
print(format(0.25, "%"), format(0.25, ".0%"), format(1234.5, ",.1f"), format(2.0, "g"), format(1e20, "g"))
print(format("hi", "*^7"), format("hi", ">5"), format("hi", "<5") + "|", format("truncate", ".3"))
print(format(True), format(True, "d"), format(None), format(65, "c"))
print(format(-0.0, "f"), format(-0.0, "z.1f"), format(float("nan"), "f"), format(float("-inf"), "e"))
print("{:=+8.2f}".format(3.5), "{:#o}".format(8))
for value, spec in ((1, "s"), ("s", "d"), (1.5, "d"), ("x", ",")):
    try:
        format(value, spec)
    except ValueError as e:
        print(type(e).__name__, e)
