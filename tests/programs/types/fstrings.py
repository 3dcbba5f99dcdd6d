# f-strings: format specs, conversions, = debugging, nesting, expressions.
name, value, width = "pi", 3.14159265, 10
print(f"{name}={value:.3f}", f"{value:{width}.2f}|", f"{name!r}", f"{name!s}", f"{'é'!a}")
print(f"{value=}", f"{value = :.2f}", f"{name=!s}", f"{1 + 2 = }")
print(f"{'nested {}'.format(1)}", f"{[x * 2 for x in range(3)]}", f"{ {'k': 1}['k'] }")
print(f"{42:#x} {42:08b} {1234567:,} {0.5:.1%} {-3:+} {3:+}")
print(f"{'left':<8}|{'right':>8}|{'mid':^8}|{'fill':*^10}")
print(f"{3 if True else 4}", f"{(lambda: 'lam')()}", f"{name.upper()}")
items = ["a", "b"]
print(f"{', '.join(items)}", f"{items[0]}{items[-1]}", f'{"double quotes inside"}')
print(f"{{braces}}", f"{'multi'}{'ple'}", f"{value:{'>' if True else '<'}12}")
x = 5
print(f"{x!r:>4}|", f"{x:{x}}|", F"upper F {x}")
print(f"""triple {
    x + 1
}""")
