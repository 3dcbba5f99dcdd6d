import re
s = 'ab' * 50000 + 'c'
m = re.match(r'(a|b)*c', s)
print(m.span(), m.group(1))
m = re.match(r'(?:a|b)*?c', s)
print(m.span())
m = re.fullmatch(r'((ab)+)+c', s)
print(m.span(), len(m.group(1)))
print(re.search(r'x', 'a' * 100000))
print(len(re.findall(r'b', s)))
print(re.match(r'(a*)*b', 'a' * 10 + 'c'))
print(re.match(r'(?:(a)|b)*', s).lastindex)
t = 'x' * 100000
print(re.sub(r'x', 'y', t)[:5], len(re.split(r'(x)', 'x' * 1000)))
print(re.match(r'(?>(?:a|b)+)c', s).end())
print(re.match(r'(?:ab)*+c', s).end())
