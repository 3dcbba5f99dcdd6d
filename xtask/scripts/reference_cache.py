"""Shared driver of the reference scripts behind krait's conformance checks.

Each script (ast_reference.py, symtable_reference.py, code_reference.py)
defines how CPython renders one source file; this module does the rest:
`main(render)` reads LIST_FILE (one source path per line) and, for each file
not cached yet, writes CACHE_DIR/<sha256 of the file's bytes>.txt holding
"OK\\n" + render(source, path) or, when CPython raises,
"ERROR\\n<class>\\n<lineno>\\n<msg>\\n". With `--dump FILE` it prints that text
for one file instead.
"""

import hashlib
import os
import sys


def describe(render, source, path):
    """The cached text for one source file."""
    try:
        return "OK\n" + render(source, path)
    except Exception as error:  # every failure is a result to compare
        lineno = getattr(error, "lineno", None)
        message = getattr(error, "msg", None) or str(error)
        return f"ERROR\n{type(error).__name__}\n{lineno}\n{message}\n"


def main(render):
    """Runs the command line described in the module docstring."""
    if sys.argv[1] == "--dump":
        with open(sys.argv[2], "rb") as source_file:
            sys.stdout.write(describe(render, source_file.read(), sys.argv[2]))
        return
    list_file, cache_dir = sys.argv[1], sys.argv[2]
    os.makedirs(cache_dir, exist_ok=True)
    with open(list_file, encoding="utf-8") as names:
        paths = [line.rstrip("\n") for line in names if line.strip()]
    for path in paths:
        with open(path, "rb") as source_file:
            source = source_file.read()
        target = os.path.join(cache_dir, hashlib.sha256(source).hexdigest() + ".txt")
        if os.path.exists(target):
            continue
        text = describe(render, source, path)
        staging = target + ".tmp"
        with open(staging, "w", encoding="utf-8", errors="surrogatepass") as out:
            out.write(text)
        os.replace(staging, target)
