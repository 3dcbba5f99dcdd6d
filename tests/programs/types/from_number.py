# float.from_number / complex.from_number (3.14): real numbers only, never strings.
class I:
    def __index__(self): return 3
class Fl:
    def __float__(self): return 2.5
class Co:
    def __complex__(self): return 1j
for e in ['float.from_number(3)','float.from_number(True)','float.from_number(I())','float.from_number(Fl())','float.from_number("1")','float.from_number(b"1")','float.from_number(1j)','float.from_number(None)','float.from_number(10**400)','complex.from_number(3)','complex.from_number(1.5)','complex.from_number(Co())','complex.from_number(Fl())','complex.from_number(I())','complex.from_number("1")','complex.from_number(None)', 'complex.from_number(2j)', 'float.from_number(float("nan"))']:
    try: print(e, '->', repr(eval(e)))
    except Exception as x: print(e, '!!', type(x).__name__, x)
