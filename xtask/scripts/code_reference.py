"""Records CPython's code objects for krait's code-object conformance check.

Run by the reference CPython 3.14 (`cargo xtask code-conformance` does this).
Usage: code_reference.py LIST_FILE CACHE_DIR
       code_reference.py --dump FILE   (prints one file's dump)

For each file of LIST_FILE not cached yet, this writes
CACHE_DIR/<sha256 of the file's bytes>.txt holding either "OK\n" followed by
the dump of compile(source, path, "exec") in the format of
crates/compiler/src/codegen/dump.rs (every code object, depth first in
co_consts order: name, qualname, first line, argument counts, flags,
varnames, cellvars, freevars and the sorted set of co_names), or
"ERROR\n<class>\n<lineno>\n<msg>\n" when compiling raises.
"""

import os
import sys
import types

# The runner starts CPython isolated (-I), which leaves this directory off sys.path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_cache  # noqa: E402



def dump(code, out):
    out.append(f"code {code.co_name} {code.co_qualname}")
    out.append(f"  firstlineno {code.co_firstlineno}")
    out.append(f"  args {code.co_argcount} {code.co_posonlyargcount} {code.co_kwonlyargcount}")
    out.append(f"  flags {code.co_flags:#x}")
    out.append(f"  varnames [{', '.join(code.co_varnames)}]")
    out.append(f"  cellvars [{', '.join(code.co_cellvars)}]")
    out.append(f"  freevars [{', '.join(code.co_freevars)}]")
    out.append(f"  names [{', '.join(sorted(set(code.co_names)))}]")
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            dump(const, out)


def render(source, path):
    code = compile(source, path, "exec", dont_inherit=True)
    out = []
    dump(code, out)
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    reference_cache.main(render)
