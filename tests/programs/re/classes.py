import re
for t in (re.Pattern, re.Match, type(re.compile('a').scanner(''))):
    try:
        class X(t): pass
    except TypeError as e:
        print(e)
    try:
        t()
    except TypeError as e:
        print(e)
print(re.Pattern.__module__, re.Match.__qualname__)
print(sorted(n for n in dir(re.compile('a')) if not n.startswith('__')))
print(sorted(n for n in dir(re.match('a', 'a')) if not n.startswith('__')))
m = re.match('a', 'a')
try:
    m.foo = 1
except AttributeError as e:
    print(e)
try:
    m.pos = 3
except AttributeError as e:
    print(e)
