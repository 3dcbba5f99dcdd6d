import fnmatch, urllib.parse, html, ipaddress, difflib, email.utils

print(fnmatch.fnmatch('report.txt', '*.txt'), fnmatch.filter(['a.py', 'b.rs', 'c.py'], '*.py'), fnmatch.translate('[!a]*.c?'))
print(urllib.parse.urlsplit('https://user@example.com:8080/p/a?q=1#frag'))
print(urllib.parse.quote('a b&c/é'), urllib.parse.unquote('a%20b%C3%A9'), urllib.parse.parse_qs('a=1&b=2&a=3'))
print(html.escape('<a href="x">&</a>'), html.unescape('&lt;&amp;&#39;&eacute;&#x41;'))
print(ipaddress.ip_address('192.168.0.1'), ipaddress.ip_network('10.0.0.0/30').num_addresses, ipaddress.ip_address('::1'))
print(list(difflib.unified_diff(['a\n', 'b\n'], ['a\n', 'c\n'], lineterm='')))
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach']))
print(email.utils.parseaddr('Alice <alice@example.com>'), email.utils.formataddr(('Bob', 'bob@x.org')))
