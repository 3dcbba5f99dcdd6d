# contextlib.contextmanager: setup, teardown, exception forwarding.
from contextlib import contextmanager, suppress, nullcontext, ExitStack

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ValueError as e:
        print("handled inside cm:", e)
    finally:
        print(f"</{name}>")

with tag("div") as t:
    print("inside", t)
with tag("span"):
    raise ValueError("boom")
print("after suppressed")
with suppress(KeyError):
    {}["x"]
print("suppress worked")
with nullcontext(42) as v:
    print("nullcontext gives", v)
with ExitStack() as stack:
    for n in ("a", "b"):
        stack.enter_context(tag(n))
    stack.callback(print, "callback runs first")
    print("stack body")
