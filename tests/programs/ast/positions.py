# Positions (UTF-8 byte columns) through CRLF, encodings, BOM, tabs,
# continuations, form feeds, f-strings and multi-line strings.
import ast
for src in [b"x = 1\r\ny = '\xc3\xa9' + z\r\n", b"# -*- coding: latin-1 -*-\nx = '\xe9' + y\n", b"\xef\xbb\xbfa = 1\n", b"if a:\n\tb = (1 +\\\n  2)\n", b"\x0cx=1\n", b"f'{a:{b}}' 'c'\n", b"x = \"\"\"a\nb\"\"\" + c\n"]:
    print(ast.dump(ast.parse(src), include_attributes=True))
