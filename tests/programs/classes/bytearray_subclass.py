# Subclasses of bytearray: tp_new makes an empty instance of the subclass,
# tp_init fills it; bytearray operations accept them and return plain
# bytearrays; str() is the builtin repr; __reduce_ex__ keeps the class.
import copy
class B(bytearray): pass
b = B(b"abc")
print(b, repr(b), type(b).__name__, isinstance(b, bytearray), len(b), b[0], b[1:], type(b[1:]).__name__)
for r in [b + b"x", b"x" + b, b * 2, b.copy(), b.upper(), b.replace(b"a", b"z"), bytes(b), bytearray(b)]:
    print(r, type(r).__name__)
b.append(100); b.extend([101]); b += b"!"; b[0] = 65; del b[1]
print(b, type(b).__name__, b == b"Acde!", b"Acde!" == b, b < b"B", b in [bytearray(b"Acde!")])
b *= 2; print(b, type(b).__name__)
print(B(3), B(), B([1, 2]), B("hé", "utf-8"), B(b"xy").decode(), B.fromhex("00ff"), type(B.fromhex("00ff")).__name__)
print(bytearray.__new__(B), type(bytearray.__new__(B)).__name__)
class I(bytearray):
    def __init__(self, a, b):
        super().__init__(a * b)
        self.extra = a
i = I(b"x", 3); print(i, i.extra, i.__dict__)
class S(bytearray):
    __slots__ = ("t",)
s = S(b"q"); s.t = 1; print(s, s.t)
try: s.u = 2
except AttributeError as e: print(e)
class R(bytearray):
    def __repr__(self): return "R!"
    def __add__(self, o): return "add"
r = R(b"1"); print(repr(r), str(r), r + b"2", b"2" + r)
m = memoryview(B(b"mv")); print(bytes(m), m[0])
print(copy.copy(B(b"cp")), type(copy.copy(B(b"cp"))).__name__, copy.deepcopy(B(b"dc")))
try: hash(B(b"x"))
except TypeError as e: print(e)
print(b"%s" % B(b"pc"), "{}".format(B(b"f")), str(B(b"s")), B(b"a,b").split(b","), list(B(b"ab")), B(b"ab").hex())
print(int(B(b"12")), float(B(b"1.5")), B(b" x ").strip(), type(B(b" x ").strip()).__name__)
try: B(b"x", "utf-8")
except TypeError as e: print(e)
try: B(1.5)
except TypeError as e: print(e)
print(B(b"xyz").__reduce_ex__(2)[1:3] if False else "")
f = B(b"z"); f.attr = 3; print(f.attr, vars(f))
class S2(bytearray): __slots__ = ("t",)
s2 = S2(b"q"); s2.t = 1
print(B(b"x").__reduce_ex__(4), s2.__reduce_ex__(4), B(b"\xff").__reduce__(), f.__reduce_ex__(2), bytearray(b"a").__reduce_ex__(4))
print(copy.copy(s2).t, copy.deepcopy(f).attr, str(bytearray(b"k")))
B(b"x").append(256)
