"""Records CPython's view of source files for krait's front-end conformance check.

Run by the reference CPython 3.14 (`cargo xtask ast-conformance` does this).
Usage: ast_reference.py LIST_FILE CACHE_DIR

LIST_FILE names one source file per line. For each file whose result is not
cached yet, this writes CACHE_DIR/<sha256 of the file's bytes>.txt holding
either "OK\n" followed by what print(ast.dump(ast.parse(source, path),
include_attributes=True)) prints, or "ERROR\n<class>\n<lineno>\n<msg>\n" when
parsing raises.
"""

import ast
import hashlib
import os
import sys


def main():
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
        try:
            tree = ast.parse(source, path)
            text = "OK\n" + ast.dump(tree, include_attributes=True) + "\n"
        except Exception as error:  # every failure is a result to compare
            lineno = getattr(error, "lineno", None)
            message = getattr(error, "msg", None) or str(error)
            text = f"ERROR\n{type(error).__name__}\n{lineno}\n{message}\n"
        staging = target + ".tmp"
        with open(staging, "w", encoding="utf-8", errors="surrogatepass") as out:
            out.write(text)
        os.replace(staging, target)


if __name__ == "__main__":
    main()
