# Template strings (PEP 750): attributes, iteration, reprs, construction.
from string.templatelib import Interpolation, Template, convert

name = "World"
count = 3
t = t"Hello {name}! You have {count:03d} new {'messages'!r}."
print(type(t))
print(type(t).__module__, type(t).__qualname__, type(t).__name__)
print(t.strings)
print(t.interpolations)
print(t.values)
print(repr(t))
for part in t:
    print(type(part).__name__, repr(part))
print(type(iter(t)).__name__)

first = t.interpolations[0]
print(first.value, first.expression, first.conversion, repr(first.format_spec))
second = t.interpolations[1]
print(second.value, second.expression, second.conversion, second.format_spec)
third = t.interpolations[2]
print(third.value, third.expression, third.conversion, third.format_spec)

# Conversions, debug specifiers, nested format specifications.
width = 8
x = 3.14159
for template in [
    t"{x!s}", t"{x!a}", t"{x!r:>{width}}", t"{x=}", t"{x = :.2f}",
    t"{x:{width}.{count}}", t"", t"plain", t"{x}{x}", t"{{braces}} {x}",
]:
    print(repr(template))

# Empty strings fill the gaps between interpolations.
print(t"{1}{2}".strings, list(t"{1}{2}"))
print(list(t""), t"".strings, t"".interpolations)

# The constructor joins adjacent strings and fills gaps.
made = Template("a", "b", Interpolation(1, "one"), Interpolation(2, "two"), "c")
print(repr(made))
print(repr(Template()))
print(repr(Template(Interpolation(0))))

# Interpolation's constructor and defaults.
print(repr(Interpolation(1)))
print(repr(Interpolation("v", "e", "a", "f")))
print(repr(Interpolation(value=[1], expression="xs", conversion=None, format_spec="")))
print(Interpolation.__match_args__)

# Concatenation of templates.
combined = t"a{1}b" + t"c{2}d"
print(repr(combined))
print(repr(t"" + t""))

# Matching on interpolations.
for part in t"{name!r:>10} and {count}":
    match part:
        case Interpolation(value, expression, "r", spec):
            print("converted", value, expression, spec)
        case Interpolation(value, expression):
            print("plain", value, expression)
        case str() as s:
            print("text", repr(s))

# A small renderer, the way template processing code does it.
def render(template):
    out = []
    for part in template:
        if isinstance(part, str):
            out.append(part)
        else:
            value = convert(part.value, part.conversion)
            out.append(format(value, part.format_spec))
    return "".join(out)


print(render(t"Hello {name!r:>10}, {count:03d} at {x:.2f}"))

# Identity semantics: templates compare by identity; interpolations hash.
print(t == t, t"a" == t"a", isinstance(hash(first), int))
print(bool(t""), bool(t"a"))

# Pickling support.
print(first.__reduce__())
reduced = t.__reduce__()
print(reduced[0].__name__, reduced[1])
print(repr(reduced[0](*reduced[1])))

# A lone str subclass instance is kept; joined strings become str.
class Text(str):
    pass


print(type(Template(Text("a")).strings[0]).__name__)
print(type(Template(Text("a"), Text("b")).strings[0]).__name__)
print(Template[int], Interpolation[int])
print(repr(Interpolation(1, expression="e", format_spec="f")))
