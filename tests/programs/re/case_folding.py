import re
chars = 'kKKſsSıIİiµΜμσςΣǅǆǄΐẞßﬁ\u0130\u0131\u212a\u017f\u1e9e'
for pat in ['(?i)k', '(?i)s', '(?i)i', '(?i)μ', '(?i)σ', '(?i)ǅ', '(?i)[k-m]', '(?i)[^k]', '(?i)[ſ]', '(?i)ß', '(?i)[ß-ẞ]', '(?i)[\u0100-\u0200]', '(?i)ΐ', '(?ia)k', '(?i)[a-z]', '(?i)[\u212a]', '(?i)(s)\\1']:
    p = re.compile(pat)
    print(pat, [c for c in chars if p.fullmatch(c)], p.findall(chars))
for pat in [rb'(?iL)k', rb'(?L)\w+', rb'(?i)[a-f]+', rb'(?L)\b\w']:
    p = re.compile(pat)
    print(pat, p.findall(bytes(range(40, 256))))
