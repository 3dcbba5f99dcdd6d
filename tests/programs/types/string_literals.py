# String literal forms: escapes, raw strings, implicit concatenation, triple quotes.
print("tab:\t|", "nl:\\n", 'single', "double", "mixed 'quotes'")
print(r"raw \n stays", r"C:\path\to", rb"raw\bytes", b"\x41\x42")
print("\x41\101\u0041\U00000041\N{LATIN SMALL LETTER E WITH ACUTE}")
print("implicit" " concatenation" ' works')
print("""triple
quoted""", '''another
one''')
print(len("\\"), len(r"\\"), "a\
b")
print("\0" == "\x00", "\a\b\f\v".encode())
s = ("multi-line "
     "parenthesised "
     "string")
print(s)
