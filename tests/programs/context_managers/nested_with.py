# Nested with blocks and exceptions crossing several levels.
log = []
class Tag:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        log.append("<" + self.name + ">")
        return self
    def __exit__(self, et, ev, tb):
        log.append("</" + self.name + (":" + et.__name__ if et else "") + ">")
        return self.suppress

with Tag("html"):
    with Tag("body"):
        with Tag("p"):
            log.append("text")
print("".join(log))
log.clear()
with Tag("outer", suppress=True):
    with Tag("mid"):
        with Tag("inner"):
            raise ValueError
    log.append("unreachable")
print("".join(log))
log.clear()
with Tag("a"):
    with Tag("b", suppress=True):
        raise KeyError
    log.append("after-b")
print("".join(log))
