# str() and bool() conversions.
print(str(), str(5), str(-2.5), str(None), str(True), str([1, "a"]), str(b"x"))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"))
print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool(" "), bool([]), bool([[]]))
print(bool(None), bool({}), bool(set()), bool(range(0)), bool(0j), bool(...))
print(type(str(1)).__name__, type(bool(1)).__name__, bool is type(True))
class S:
    def __str__(self): return "custom str"
print(str(S()), f"{S()}")
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    bool(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class MyBool(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
