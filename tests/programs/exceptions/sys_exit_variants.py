# SystemExit codes: None, int, string (printed to stderr, exit 1).
import sys

for arg in (None, 0, 2, "message"):
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "->", repr(e.code), e.args)
try:
    raise SystemExit(4, "extra")
except SystemExit as e:
    print(e.code, e.args)
print(issubclass(SystemExit, Exception))
try:
    try:
        sys.exit(9)
    except Exception:
        print("not caught by except Exception")
except BaseException as e:
    print("caught by BaseException", type(e).__name__)
sys.exit("fatal: configuration missing")
