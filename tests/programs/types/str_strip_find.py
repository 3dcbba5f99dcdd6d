# str strip / find / index / count / replace / startswith / endswith.
s = "xxhello worldxx"
print(s.strip("x"), s.lstrip("x"), s.rstrip("x"), "  pad \t\n".strip() + "|")
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".find("l", 3), "hello".find(""))
print("hello".index("e"), "hello".count("l"), "aaaa".count("aa"), "hello".count(""))
try:
    "hello".index("z")
except ValueError as e:
    print(type(e).__name__, e)
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"))
print("hello".startswith("he"), "hello".startswith(("x", "h")), "hello".endswith("lo"), "hello".startswith("l", 2))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "x".removesuffix("y"))
try:
    "x".startswith(["x"])
except TypeError as e:
    print(type(e).__name__, e)
