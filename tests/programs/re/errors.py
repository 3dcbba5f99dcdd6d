import re

for pat, s in [('a', 1), ('a', None), (b'a', 'a'), ('a', b'a'), ('a', ['a'])]:
    try:
        re.match(pat, s)
    except TypeError as e:
        print('TypeError:', e)
for bad in ['(', 'a)', '[a', '*a', 'a**', '(?P<1>a)', r'\1', '(?<=a+)b', '(?P=x)', 'a{3,2}', '\\']:
    try:
        re.compile(bad)
    except re.error as e:
        print('re.error:', e, '| pos', e.pos)
try:
    re.compile('a').match('a', 'x')
except TypeError as e:
    print('TypeError:', e)
try:
    re.compile('(a)').match('a').group(5)
except IndexError as e:
    print('IndexError:', e)
try:
    re.compile('(a)').match('a').start('zz')
except IndexError as e:
    print('IndexError:', e)
try:
    re.Pattern()
except TypeError as e:
    print('TypeError:', e)
print(re.compile('x').search('x' * 10, pos=-5, endpos=100))
p = re.compile('(unclosed)')
p.match(42)
