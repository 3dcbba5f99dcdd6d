# repr/str of floats: shortest round-trip repr, exponents, inf/nan, -0.0.
vals = [0.1, 1.0, 1e16, 1e15, 123456789.123, 1e-5, 0.0001, 1.5e300, -0.0, 2.5, 1/3, 2/3,
        float("inf"), float("-inf"), float("nan"), 1e22, 1e-7, 100.0, 3.14159265358979]
for v in vals:
    print(repr(v), str(v))
print(f"{1/3:.3f} {1e6:e} {1234.5:g} {0.00001234:g} {12345678.9:,.2f} {0.5:%}")
print(f"{3.0:.0f} {2.5:.0f} {3.5:.0f} {-1.5:.0f}")
print(f"{1.0:+} {-1.0: } {1.0: }")
print(format(1e100, ".3g"), format(123.456, "10.2f") + "|", format(123.456, "<10.1f") + "|")
print(float("1e500"), float("-1e500"), 5e-324, 5e-325)
print(1.7976931348623157e308 * 10)
print(round(2.675, 2), round(0.5), round(1.5), round(-0.5))
