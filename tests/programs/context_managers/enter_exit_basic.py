# __enter__ return value bound by `as`, __exit__ called with None triple on success.
class Resource:
    def __init__(self, name):
        self.name = name
        self.open = False
    def __enter__(self):
        print("acquire", self.name)
        self.open = True
        return f"handle-{self.name}"
    def __exit__(self, exc_type, exc, tb):
        print("release", self.name, exc_type, exc, tb)
        self.open = False
        return False

r = Resource("db")
with r as handle:
    print("using", handle, r.open)
print("after", r.open)
with Resource("no-as"):
    print("body without as")
with Resource("tuple") as (a, b, *rest):
    print(a, b, rest[:3])
def early():
    with Resource("early"):
        return "returned from inside with"
print(early())
for i in range(2):
    with Resource(f"loop{i}"):
        if i == 0:
            continue
        print("not skipped")
