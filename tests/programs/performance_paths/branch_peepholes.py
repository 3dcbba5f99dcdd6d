# Conditions the compiler shortens (comparison results used as bools,
# `is None` tests, `not`, `in`, swaps): behaviour must be CPython's.

class Weird:
    """A comparison returning a non-bool: its truth value must be asked."""
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return [1] if self.v < other.v else []
    def __bool__(self):
        raise AssertionError("never asked")

class Truthy:
    def __init__(self, flag):
        self.flag = flag
    def __bool__(self):
        print("bool asked", self.flag)
        return self.flag

class Cmp:
    def __init__(self, result):
        self.result = result
    def __eq__(self, other):
        return self.result

def compare_in_condition(a, b):
    if a < b:
        return "lt"
    return "not lt"

print(compare_in_condition(1, 2), compare_in_condition(2, 1))
print(compare_in_condition(Weird(1), Weird(2)), compare_in_condition(Weird(2), Weird(1)))

def chained(a, b, c):
    if a < b < c:
        return True
    return False

print(chained(1, 2, 3), chained(1, 3, 2), chained(3, 2, 1))

def eq_result_truth(x):
    if x == 0:
        return "zero"
    return "other"

print(eq_result_truth(Cmp(Truthy(True))), eq_result_truth(Cmp(Truthy(False))))
try:
    eq_result_truth(Cmp(Weird(0)))
except AssertionError as e:
    print("AssertionError:", e)

def is_none(x):
    if x is None:
        return "none"
    if x is not None:
        return "some"

print(is_none(None), is_none(0), is_none(False))

def not_cond(x):
    if not x:
        return "falsy"
    return "truthy"

print(not_cond(0), not_cond([1]), not_cond(Truthy(True)))

def membership(x, seq):
    if x not in seq:
        return "missing"
    if not x in seq:
        return "unreachable"
    return "present"

print(membership(1, [1, 2]), membership(3, [1, 2]))

def double_not(x):
    return not not x

print(double_not(0), double_not("a"), double_not(Truthy(False)))

def value_of_compare(a, b):
    r = a < b
    s = a in [b]
    t = a is b
    return r, s, t

print(value_of_compare(1, 2), value_of_compare(2, 2))

def swaps(a, b, c):
    a, b = b, a
    print(a, b)
    a, b, c = c, a, b
    print(a, b, c)
    x, = [a]
    print(x)
    a, a = 1, 2
    print(a)
    return a

swaps(1, 2, 3)

def while_compare(n):
    i = 0
    total = 0
    while i < n:
        total += i
        i += 1
    return total

print(while_compare(10))

def failing_compare(a, b):
    if a < b:
        return 1
    return 0

try:
    failing_compare(1, "x")
except TypeError as e:
    print("TypeError:", e)

failing_compare(None, 1)
