# assert with and without messages.
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x

print(check(5))
try:
    check(-1)
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args)
try:
    assert [], ["a", "list", "message"]
except AssertionError as e:
    print(e.args)
calls = []
assert True, calls.append("not evaluated")
print(calls)
print(__debug__)
assert 1 == 2, "uncaught assertion"
