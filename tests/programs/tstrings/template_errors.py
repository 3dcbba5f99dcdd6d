# The errors of template strings.
from string.templatelib import Interpolation, Template

t = t"x{1}"
i = t.interpolations[0]


def attempt(label, function):
    try:
        result = function()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "returned", repr(result))


attempt("bad arg:", lambda: Template(1))
attempt("keyword:", lambda: Template(strings=("a",)))
attempt("template + str:", lambda: t + "s")
attempt("str + template:", lambda: "s" + t)
attempt("int + template:", lambda: 1 + t)
attempt("template + int:", lambda: t + 1)
attempt("list + template:", lambda: [] + t)
attempt("template * 2:", lambda: t * 2)
attempt("__add__ str:", lambda: t.__add__("s"))
attempt("bad conversion:", lambda: Interpolation(1, "x", "q"))
attempt("empty conversion:", lambda: Interpolation(1, "x", ""))
attempt("long conversion:", lambda: Interpolation(1, "x", "rr"))
attempt("int conversion:", lambda: Interpolation(1, "x", 5))
attempt("no value:", lambda: Interpolation())
attempt("expression int:", lambda: Interpolation(1, 2))
attempt("format_spec int:", lambda: Interpolation(1, "x", None, 3))
attempt("too many:", lambda: Interpolation(1, "x", None, "", 5))
attempt("missing attr:", lambda: Template.nothing)
attempt("set value:", lambda: setattr(i, "value", 2))
attempt("set strings:", lambda: setattr(t, "strings", ()))
attempt("new attr:", lambda: setattr(t, "extra", 1))
attempt("index:", lambda: t[0])
attempt("len:", lambda: len(t))


def subclass_template():
    class Sub(Template):
        pass


attempt("subclass:", subclass_template)

print("uncaught next")
t + "oops"
