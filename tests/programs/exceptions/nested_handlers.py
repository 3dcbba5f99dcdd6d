# Nested try blocks: which handler catches what, and handler order.
def classify(exc):
    try:
        try:
            raise exc
        except (KeyError, IndexError) as e:
            return f"inner lookup handler: {type(e).__name__}"
        except ArithmeticError:
            raise RuntimeError("converted")
    except RuntimeError as e:
        return f"outer runtime handler: {e}"
    except Exception as e:
        return f"outer generic handler: {type(e).__name__}"

for exc in (KeyError(), IndexError(), ZeroDivisionError(), ValueError(), RuntimeError("direct")):
    print(classify(exc))

try:
    raise LookupError
except KeyError:
    print("wrong")
except LookupError:
    print("LookupError does not match KeyError handler")
try:
    raise KeyError
except LookupError:
    print("KeyError matches LookupError handler")
except KeyError:
    print("never: earlier handler wins")
