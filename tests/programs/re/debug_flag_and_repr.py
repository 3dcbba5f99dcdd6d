import re
re.compile(r'(?P<x>a|b)+c\d', re.DEBUG)
print(re.compile(b'a', re.I), re.compile('a', re.U), re.compile('a', re.L | re.I) if False else None, re.compile(b'a', re.L))
print(re.compile('a', re.I | re.M | re.S | re.X | re.A))
