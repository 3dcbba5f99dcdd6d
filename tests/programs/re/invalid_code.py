import _sre, re
for code in ([99, 1], [], [16, 97], [17, 0, 17, 1, 1], [15, 0, 1], [24, 100, 0, 1, 1, 1], (16, 97, 1)):
    try:
        _sre.compile('x', 0, code, 0, {}, ())
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)
try:
    _sre.compile('x', 0, [2**40], 0, {}, ())
except OverflowError as e:
    print('OverflowError', e)
p = _sre.compile('(x)', 0, [17, 0, 16, 120, 17, 1, 1], 1, {}, (None, None))
print(p.match('x').groups())
re.compile('(' * 100 + 'a' + ')' * 100).match('a').span()
print(re.compile('(?:' * 60 + 'a' + ')*' * 60).match('aaa').span())
