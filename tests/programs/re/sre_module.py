import _sre
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print([_sre.ascii_iscased(c) for c in (65, 97, 48, 233, 0x130)])
print([_sre.unicode_iscased(c) for c in (65, 97, 48, 233, 0x130, 0x2160, 0x1c5)])
print([_sre.ascii_tolower(c) for c in (65, 97, 0xc9, 0x130)])
print([_sre.unicode_tolower(c) for c in (65, 97, 0xc9, 0x130, 0x212a, 0x1c5, 0x3a3)])
import re
p = _sre.compile('ab', 0, [16, 97, 16, 98, 1], 0, {}, ())
print(p, p.match('abc'), p.groups, p.groupindex)
t = _sre.template(re.compile('(a)(b)'), ['<', 2, '-', 1, '>'])
print(type(t).__name__)
for bad in ([], ['a', 1], ['a', -1, 'b'], ['a', 'x', 'b']):
    try:
        _sre.template(re.compile('a'), bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(re.compile('(a)(b)').sub(r'\2-\1', 'abab'))
