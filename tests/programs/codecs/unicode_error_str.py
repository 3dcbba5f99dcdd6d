# str() of UnicodeError and its three subclasses (the codecs raise all of them).
print(str(UnicodeError("x")), str(UnicodeError("x", 1)), repr(str(UnicodeError())))
print(str(UnicodeEncodeError("ascii","x",0,1,"r")), str(UnicodeDecodeError("utf-8",b"\xff",0,1,"bad")), str(UnicodeTranslateError("\u1234",0,1,"nope")))
class MyErr(UnicodeError): pass
print(str(MyErr("mine")))
import codecs
try:
    "x".encode("undefined")
except UnicodeError as e:
    print(type(e).__name__, str(e), e.__notes__)
