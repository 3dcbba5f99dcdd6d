import re
tests = [(r'(?<=(ab))c', 'abc'), (r'(?=(a+))a*b', 'aab'), (r'(?!(a)b)a', 'ac'), (r'(?<!(x))y', 'ay'),
         (r'(a)(?=(b)?)', 'ab'), (r'((?<=(a))b)+', 'abab'), (r'(?:(a)|(?<=(a))b)+', 'ab'), (r'(?=(\w+))\w', 'hello'),
         (r'(?<=\b(\w))x', 'ax bx'), (r'(?P<a>a)(?(a)b|c)(?P=a)', 'aba'), (r'(a)?(?(1)(b)|(c))', 'c')]
for pat, s in tests:
    try:
        m = re.search(pat, s)
        print(pat, m and (m.span(), m.groups(), m.regs, m.lastindex))
        print('  ', re.findall(pat, s), re.sub(pat, '<\\g<0>>', s))
    except Exception as e:
        print(pat, type(e).__name__, e)
