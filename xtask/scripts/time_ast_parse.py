"""Times CPython's ast.parse over a list of files, for `cargo xtask bench-parse`.

Usage: time_ast_parse.py LIST_FILE
Reads every file named in LIST_FILE (one path per line) into memory first,
then parses each with ast.parse(source_bytes, path), the same work krait's
parse_files example does, and prints the parsing time in seconds. Files that
fail to parse count with the time spent on them.
"""

import ast
import sys
import time


def main():
    with open(sys.argv[1], encoding="utf-8") as names:
        paths = [line.rstrip("\n") for line in names if line.strip()]
    sources = []
    for path in paths:
        with open(path, "rb") as source_file:
            sources.append((path, source_file.read()))
    start = time.perf_counter()
    for path, source in sources:
        try:
            ast.parse(source, path)
        except Exception:  # a rejected file still costs its parse
            pass
    print(f"{time.perf_counter() - start:.6f}")


if __name__ == "__main__":
    main()
