# set.add / set.discard as fixed-arity bodies: results and every error as before.
s = {1}
s.add(2); s.discard(1); s.discard(5)
print(s)
for bad in ([], {}):
    try: s.add(bad)
    except TypeError as e: print(e)
    try: s.discard(bad)
    except TypeError as e: print(e)
s.discard({3})
try: set.add(frozenset(), 1)
except TypeError as e: print(e)
try: s.add()
except TypeError as e: print(e)
try: s.add(1, 2)
except TypeError as e: print(e)
try: s.add(x=1)
except TypeError as e: print(e)
class K:
    def __hash__(self): raise ValueError("h")
try: s.add(K())
except ValueError as e: print("VE", e)
