# Importing a module whose source has a syntax error: the SyntaxError names
# the module's file and line; uncaught, the traceback ends with its source.
import sys
try:
    import pkg_errors.bad_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename.split("/")[-2:], e.lineno, e.offset, e.end_offset)
print("pkg_errors.bad_syntax" in sys.modules)
import pkg_errors.bad_syntax
