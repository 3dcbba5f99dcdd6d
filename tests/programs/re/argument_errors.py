import re
p = re.compile('(a)')
tests = [
    lambda: p.match('a', 'x'),
    lambda: p.match('a', 2**70),
    lambda: p.match('a', 1.5),
    lambda: p.sub('x', 'a', 'y'),
    lambda: p.split('a', 'q'),
    lambda: p.match('a')[None],
    lambda: p.match('a')[1.0],
    lambda: p.match('a').group(True),
    lambda: p.match('a').start(-1),
    lambda: p.match(b'a'),
    lambda: re.compile(b'a').sub('x', b'a'),
    lambda: p.sub(1, 'a'),
    lambda: p.sub(b'x', 'a'),
    lambda: p.finditer(3),
    lambda: p.scanner(3),
    lambda: p.fullmatch(string='a', pos=0),
    lambda: p.match('a', endpos=-1),
    lambda: re.template,
    lambda: p.match('a').expand(r'\2'),
    lambda: p.match('a').expand(r'\g<zz>'),
    lambda: re.sub('a', r'\g<1', 'a'),
    lambda: p.groupindex.__setitem__('x', 1),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
m = re.match(r'(?P<a>x)(y)', 'xy')
for key in (slice(0, 1), 1.0, [1], None, 'b', b'a', -1, 3, True):
    try:
        print(repr(key), repr(m[key]))
    except Exception as e:
        print(repr(key), type(e).__name__, e)
