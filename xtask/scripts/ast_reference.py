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
import os
import sys

# The runner starts CPython isolated (-I), which leaves this directory off sys.path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_cache  # noqa: E402



def render(source, path):
    return ast.dump(ast.parse(source, path), include_attributes=True) + "\n"


if __name__ == "__main__":
    reference_cache.main(render)
