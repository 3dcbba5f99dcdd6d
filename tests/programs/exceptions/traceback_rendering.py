# Traceback source lines and markers: multi-line expressions, anchors on
# operators, subscripts and calls, collapsed repeated frames.
def divide(a, b):
    return (a
            /
            b)

def pick(data, key):
    return data["items"][key]

def call_chain(n):
    if n == 0:
        return divide(1, 0)
    return call_chain(n - 1)

def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: pick({"items": {}}, "missing"))
show(lambda: call_chain(2))
values = {"a": [1, 2]}
def nested_call():
    return len(
        values["a"][5]
    )
show(nested_call)
result = call_chain(
    30
)
