# except clauses with tuples, variables and invalid types.
errors = (ValueError, TypeError)
for exc in (ValueError("v"), TypeError("t"), KeyError("k")):
    try:
        try:
            raise exc
        except errors as e:
            print("matched tuple", type(e).__name__)
    except KeyError:
        print("fell through", type(exc).__name__)
try:
    try:
        raise ValueError
    except 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError
except ValueError as e:
    print("class raised, instance caught:", repr(e))
