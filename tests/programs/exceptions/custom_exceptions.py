# Custom exception classes: args, str, repr, extra attributes.
class AppError(Exception):
    pass

class HttpError(AppError):
    def __init__(self, status, message):
        super().__init__(status, message)
        self.status = status
    def __str__(self):
        return f"[{self.status}] {self.args[1]}"

class Quiet(Exception):
    def __init__(self):
        pass

for exc in (AppError(), AppError("one"), AppError("a", 2), HttpError(404, "not found"), Quiet()):
    print(repr(exc), "|", str(exc), "|", exc.args)
try:
    raise HttpError(500, "boom")
except AppError as e:
    print(type(e).__name__, e, e.status, isinstance(e, Exception))
e = AppError("x")
e.args = ("changed",)
print(e)
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("q")), str(WithRepr("q")))
print(AppError.__mro__[1:])
