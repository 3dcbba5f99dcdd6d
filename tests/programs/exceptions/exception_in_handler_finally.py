# finally runs even when the handler itself raises.
def demo():
    try:
        raise ValueError("first")
    except ValueError:
        print("handler start")
        raise TypeError("from handler")
    finally:
        print("finally still runs")

try:
    demo()
except TypeError as e:
    print("caught", repr(e), "context", repr(e.__context__))

def finally_raises():
    try:
        return "would return"
    finally:
        raise KeyError("finally wins")
try:
    finally_raises()
except KeyError as e:
    print("caught", repr(e))
def loop():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(i)
        except ValueError as e:
            out.append(f"err{e}")
        finally:
            out.append("f")
    return out
print(loop())
