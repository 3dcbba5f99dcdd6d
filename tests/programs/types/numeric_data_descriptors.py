# The data attributes of int, float and complex are descriptors in the
# types' dicts: getset descriptors (int, float) and read-only members
# (complex), with CPython's messages on assignment and deletion.
for t, n in [(int, 'real'), (int, 'imag'), (int, 'numerator'), (int, 'denominator'),
             (float, 'real'), (float, 'imag'), (complex, 'real'), (complex, 'imag'),
             (bool, 'real')]:
    d = t.__dict__.get(n)
    print(t.__name__, n, repr(d))
    try:
        setattr(t(1), n, 5)
    except AttributeError as e:
        print("set:", e)
    try:
        delattr(t(1), n)
    except AttributeError as e:
        print("del:", e)
print(int.real.__get__(5), int.__dict__['real'].__get__(True), int.real.__name__, int.real.__objclass__)
print(type(int.real).__name__, type(float.imag).__name__)
print((2**70).real, (2**70).imag, (-3).numerator, True.denominator, type(True.real))
print((1.5).real, (1.5).imag, (1+2j).real, (1+2j).imag)
class I(int):
    pass
print(I(7).real, type(I(7).real), I(7).numerator)
print('real' in dir(3), 'imag' in dir(2.0), 'real' in dir(1j))
try:
    int.real.__get__("x")
except TypeError as e:
    print(e)
try:
    int.__dict__['numerator'].__set__(3, 4)
except AttributeError as e:
    print(e)
(5).real = 1
