# tokenize.generate_tokens and tokenize.tokenize over krait's _tokenize:
# token types, strings, positions, the `line` of each token, comments, NL,
# f-strings (doubled braces, format specs), continuation lines, dedents,
# a last line without a newline, and the errors tokenize raises.
import io
import token
import tokenize


def show(source):
    print("--", repr(source))
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            name = tokenize.tok_name[tok.type]
            exact = tokenize.tok_name[tok.exact_type]
            print(f"  {name:14} {exact:10} {tok.string!r:12} {tok.start} {tok.end} {tok.line!r}")
    except tokenize.TokenError as e:
        print("  TokenError", e.args)
    except IndentationError as e:
        print("  IndentationError", e.msg, e.lineno)


show('''def f(a,
      b):  # c
    x = f"v{a!r:>{b}} {{z}}" \\
        + 1

    # note
        # deeper
    return """a
b"""
# top
y = 1''')
show('f"{a:}" f"{a:{b}{c}}" t"x{y=}"\n')
show("f'''x\n{a}\ny'''\n")
show("if x:\n  if y:\n    z\n\nw = [1,\n  2]  # done\n")
show("x = 'é' + ü # ñ\n")
show("")
show("\n\n# only\n")
show("x @= y ** 2 // 3; a -> b := c\n")
show("(\n")
show('x = """abc\n')
show('x = "abc\n')
show("if x:\n    y\n  z\n")

source = "# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n".encode("latin-1")
for tok in tokenize.tokenize(io.BytesIO(source).readline):
    print(tokenize.tok_name[tok.type], repr(tok.string), tok.start, tok.end)

print([t.string for t in tokenize.generate_tokens(iter(["a = 1\n", "b\n"]).__next__)])
print(tokenize.untokenize(tokenize.generate_tokens(io.StringIO("x  =  (1,2)\n").readline)))
print(token.tok_name[token.OP], tokenize.NL, tokenize.COMMENT)
