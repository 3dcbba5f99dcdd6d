# repr of very deeply nested containers: 1,000 levels works, 100,000 raises RecursionError.
x = []
for _ in range(1000):
    x = [x]
r = repr(x)
print(len(r), r[:5], r[-5:])

deep = []
for _ in range(100000):
    deep = [deep]
try:
    text = repr(deep)
    print("repr succeeded", len(text))
except RecursionError as e:
    # CPython reports "Stack overflow (used N kB) while getting the repr of an object";
    # N varies between runs, so only the stable parts are printed.
    message = str(e)
    print(type(e).__name__, message.startswith("Stack overflow"), message.endswith("while getting the repr of an object"))

d = {}
for _ in range(100000):
    d = {"k": d}
try:
    repr(d)
    print("dict repr succeeded")
except RecursionError as e:
    print("dict:", type(e).__name__)
del deep, d
print("freed nested containers")
t = ()
for _ in range(100000):
    t = (t,)
print("hash of deep tuple computed:", isinstance(hash(t), int))
