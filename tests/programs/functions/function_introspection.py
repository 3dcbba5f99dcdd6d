# Function and code attributes: defaults, annotations (PEP 649), closures,
# type parameters, and their setters' errors.
def outer():
    captured = [1]
    def inner(a, b: int = 2, /, c: "str" = "x", *args, d, e: float = 1.5, **kw) -> list[int]:
        "Inner doc."
        return captured
    return inner
f = outer()
print(f.__name__, f.__qualname__, f.__doc__, f.__module__)
print(f.__defaults__, f.__kwdefaults__)
print(f.__annotations__)
print(f.__annotate__(1) == f.__annotations__, callable(f.__annotate__))
print(f.__closure__[0].cell_contents, f.__code__.co_freevars, outer.__code__.co_cellvars)
code = f.__code__
print(code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_nlocals)
print(code.co_varnames, code.co_name, code.co_qualname, code.co_flags & 0x0C)
print(f.__type_params__, f.__globals__ is globals(), type(f.__builtins__).__name__)
f.__defaults__ = (10, 20)
f.__kwdefaults__ = None
print(f.__defaults__, f.__kwdefaults__)
f.__annotations__ = {"changed": True}
print(f.__annotations__, f.__annotate__)
f.__qualname__ = "renamed.inner"
print(f.__qualname__, repr(f).startswith("<function renamed.inner at"))
for attr, value in [("__defaults__", [1]), ("__kwdefaults__", 5), ("__name__", None),
                    ("__qualname__", 3), ("__annotations__", 1), ("__annotate__", 2),
                    ("__closure__", ()), ("__globals__", {})]:
    try:
        setattr(f, attr, value)
    except (TypeError, AttributeError) as e:
        print(attr, type(e).__name__, e)
def generic[T, U: int](x: T) -> U:
    pass
print(generic.__type_params__, generic.__type_params__[1].__bound__)
def plain():
    pass
print(plain.__annotations__, plain.__annotate__, plain.__dict__)
plain.__wrapped__ = f
plain.extra = 1
print(sorted(plain.__dict__))
cell_holder = outer().__closure__[0]
cell_holder.cell_contents = "replaced"
print(cell_holder.cell_contents)
del cell_holder.cell_contents
try:
    cell_holder.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
class C:
    def method(self):
        pass
m = C().method
print(m.__name__, m.__qualname__, m.__func__ is C.method, type(m.__self__).__name__)
try:
    m.__name__ = "x"
except AttributeError as e:
    print(type(e).__name__, e)
