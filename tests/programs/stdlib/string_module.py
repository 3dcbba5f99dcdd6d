import string, _string
print(string.ascii_letters, string.digits, string.punctuation, string.capwords('hello  world'))
for t in ['a{0}b', '{}', '{{x}}', 'x{a.b[1]!r:>{w}}y', 'end', '', '{0:{1}}', 'a{{', '{!s}']:
    print(repr(t), list(_string.formatter_parser(t)))
for bad in ['{', '}', 'a{b', '{0!}', '{0!rx}', '{a{b}']:
    try:
        print(list(_string.formatter_parser(bad)))
    except ValueError as e:
        print(repr(bad), e)
for n in ['a', '0', 'a.b[0][x].c', '12.real']:
    first, rest = _string.formatter_field_name_split(n)
    print(repr(first), list(rest))
for bad in ['a.', 'a[0', 'a[0]x', 'a..b']:
    try:
        first, rest = _string.formatter_field_name_split(bad)
        print(list(rest))
    except ValueError as e:
        print(repr(bad), e)
f = string.Formatter()
print(f.format('{0} and {name!r:>6} {1[0]}', 'x', [9], name='n'), f.vformat('{a}', (), {'a': 1}))
class Up(string.Formatter):
    def format_field(self, value, spec):
        return str(value).upper()
print(Up().format('{0}-{1}', 'ab', 'cd'))
