import re, gc
# possessive repeats keep the groups of their last iteration
print(re.match('((x)|y|z)*+', 'xyz').groups(), re.match('((x)|y|z){3}+', 'xyz').groups(), re.match('((x)|y|z){3,}+', 'xyz').groups())
print(re.match('(?:(x)|y)*+', 'xy').regs, re.match('(?:(a)|b|(c))++d', 'abcd').groups())
# negated sets under LOCALE|IGNORECASE exclude both cases
IL = re.LOCALE | re.IGNORECASE
for pat, s in [(rb'[bc]', b'B'), (rb'[^bc]', b'B'), (rb'[^b-c]', b'C'), (rb'[^bc]', b'c'), (rb'[^bc]', b'a'),
               (rb'[^b]', b'B'), (rb'[^\wq]', b'Q'), (rb'[ace]', b'C'), (rb'[^ace]', b'C'), (rb'[^ace]', b'b'),
               (rb'(?:a|[^bc])', b'B'), (rb'\w(?<!b)', b'B')]:
    print(pat, s, re.fullmatch(pat, s, IL))
# \B matches the empty string (3.14), \b does not
print(re.match(r'\B', ''), re.match(r'\b', ''), re.findall(r'\B', ''), re.match(rb'\B', b'', re.L))
# groupindex: a read-only view when there are names, else a fresh dict
p = re.compile(r'(?P<first>a)(?P<other>b)')
print(type(p.groupindex).__name__, dict(p.groupindex), type(re.compile('(a)').groupindex).__name__)
try:
    p.groupindex['other'] = 0
except TypeError as e:
    print('TypeError', e)
# a bytearray scanned by finditer cannot be resized meanwhile
b = bytearray(b'x')
it = re.finditer(b'a', b)
try:
    b.extend(b'x' * 10)
except BufferError as e:
    print('BufferError', e)
print(list(it))
del it
gc.collect()
b.extend(b'x' * 10)
print(len(b))
