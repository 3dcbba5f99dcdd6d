import re

print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, foo bar'))
print(re.sub(r'(?P<a>\d)', r'<\g<a>>', 'a1b22'))
print(re.sub(r'x*', '-', 'abxd'))
print(re.sub(r'', '-', 'abc'))
print(re.subn(r'a', 'b', 'aaa', count=2))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b20 c300'))
print(re.sub(r'\d', lambda m: None, 'a1b2'))
print(re.sub('a', r'\n', 'xax'), repr(re.sub('a', '\\\\', 'xax')))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub(rb'\d', b'#', b'a1b2'), re.sub(rb'(\d)', rb'<\1>', b'a1'))
print(re.sub(rb'\d', lambda m: m.group() * 2, b'a1b2'))
print(re.sub('a', 'b', 'xyz'), re.subn('q', 'r', ''))
print(re.split(r',', 'a,b,,c'))
print(re.split(r'(,)', 'a,b,,c'))
print(re.split(r'(,)|(;)', 'a,b;c'))
print(re.split(r'\W*', 'a b!c'))
print(re.split(r'x*', 'axbc'))
print(re.split(r',', 'a,b,c', maxsplit=1))
print(re.split(r'\s+', '  lead and trail  '))
print(re.split(rb'-', b'1-2-3'))
print([m.span() for m in re.finditer(r'a*', 'baaac')])
print([m.group() for m in re.finditer(r'\b', 'ab cd')])
print([m.span() for m in re.finditer(r'(?=a)', 'aab')])
print(re.findall(r'(\d)(\w)?', '1a2 3'))
print(re.findall(r'a|(b)', 'ab'))
print(re.findall(rb'[a-c]+', b'xabcyb'))
print(re.findall('', 'ab'))
print(re.compile(r'\w+').findall('one two three', 4, 11))
try:
    re.sub('a', r'\2', 'a')
except re.error as e:
    print('error', e)
try:
    re.sub('(a)', r'\g<x>', 'a')
except IndexError as e:
    print('IndexError', e)
try:
    re.sub('a', lambda m: 1, 'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.sub(b'a', 'x', b'a')
except TypeError as e:
    print('TypeError', e)
print(re.sub('(?i)ß', 'ss', 'STRAßE'))
print(re.sub('(?P<w>\\w+)', '\\g<w>\\g<0>', 'hi there'))
