# Chained generators forming a lazy pipeline.
def read(lines):
    for line in lines:
        print("read", line)
        yield line

def strip_comments(lines):
    for line in lines:
        if not line.startswith("#"):
            yield line

def parse(lines):
    for line in lines:
        key, _, value = line.partition("=")
        yield key.strip(), int(value)

source = ["# config", "a = 1", "b=2", "# skip", "c = 30"]
pipe = parse(strip_comments(read(source)))
print("nothing read yet")
print(next(pipe))
print(dict(pipe))

def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == n:
            yield tuple(buf)
            buf.pop(0)
print(list(window(range(6), 3)))
print(sum(x for _, x in parse(["x=5", "y=6"])))
