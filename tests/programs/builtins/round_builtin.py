# round: banker's rounding, ndigits, negative ndigits, return types.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(3.14159, 2), round(2.675, 2), round(1.005, 2))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(7), round(7, 1), type(round(7.6)).__name__, type(round(7.6, 0)).__name__)
print(round(12345, -1), round(15, -1), round(25, -1))
print(round(float("inf"), 2), round(float("nan")) if False else "skip")
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    round("1.5")
except TypeError as e:
    print(type(e).__name__, e)
class R:
    def __round__(self, n=None):
        return f"rounded with {n}"
print(round(R()), round(R(), 3))
print(round(True), round(0.1 + 0.2, 15))
