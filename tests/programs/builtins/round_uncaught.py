# An uncaught OverflowError from round() ends the program with a traceback.
values = [2.5, -0.5, 1e308]
print([round(v) for v in values])
print(round(values[-1] * 10))
