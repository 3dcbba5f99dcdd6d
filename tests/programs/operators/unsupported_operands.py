# TypeError messages for unsupported operand types.
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (1,),
    lambda: {} + {},
    lambda: 1 - "a",
    lambda: "a" * 1.5,
    lambda: "a" / 2,
    lambda: None + 1,
    lambda: 2 ** "x",
    lambda: 5 % [],
    lambda: {1} + {2},
    lambda: 1 << 1.0,
    lambda: 3 & 1.0,
    lambda: [] * [],
    lambda: divmod("a", 1),
]
for case in cases:
    try:
        case()
    except TypeError as e:
        print(type(e).__name__, e)
x = 1
try:
    x += "s"
except TypeError as e:
    print(type(e).__name__, e)
try:
    x **= None
except TypeError as e:
    print(type(e).__name__, e)
