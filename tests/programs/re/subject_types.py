import re
class S(str): pass
class B(bytes): pass
m = re.match('(a)', S('abc'))
print(type(m.string).__name__, type(m.group()).__name__, type(re.sub('a', 'x', S('abc'))).__name__, type(re.sub('q', 'x', S('abc'))).__name__)
m = re.match(b'(a)', B(b'abc'))
print(type(m.string).__name__, type(m.group()).__name__, re.findall(b'.', B(b'ab')))
print(type(re.sub(b'q', b'x', bytearray(b'abc'))).__name__, type(re.sub(b'a', b'x', bytearray(b'abc'))).__name__)
print(type(re.split(b'b', bytearray(b'abc'))[0]).__name__)
print(re.sub('', '-', ''), re.sub('x', '-', ''), repr(re.sub(b'', b'-', b'')))
import re
b = bytearray(b'abcdef')
m = re.search(rb'(c)(d)', b)
b[2:4] = b'XY'
print(m.group(), m.groups(), m.span(), m.expand(rb'\2\1'), m[0])
del b[1:]
print(m.group(), m.groups())
