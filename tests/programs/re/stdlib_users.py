import textwrap
print(textwrap.fill('The quick brown fox jumps over the lazy dog ' * 3, width=30))
print(textwrap.dedent('''
    indented
      more
    back'''))
print(textwrap.shorten('Hello there, how are you today?', width=20))

import string
t = string.Template('$who likes ${what}')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'))
try:
    t.substitute(who='a')
except KeyError as e:
    print('KeyError', e)
print(string.capwords('hello   world'))
