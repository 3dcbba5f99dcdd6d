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

import hashlib
import os
import sys
import types


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


def describe(source, path):
    try:
        code = compile(source, path, "exec", dont_inherit=True)
    except Exception as error:  # every failure is a result to compare
        lineno = getattr(error, "lineno", None)
        message = getattr(error, "msg", None) or str(error)
        return f"ERROR\n{type(error).__name__}\n{lineno}\n{message}\n"
    out = []
    dump(code, out)
    return "OK\n" + "\n".join(out) + "\n"


def main():
    if sys.argv[1] == "--dump":
        with open(sys.argv[2], "rb") as source_file:
            sys.stdout.write(describe(source_file.read(), sys.argv[2]))
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
        text = describe(source, path)
        staging = target + ".tmp"
        with open(staging, "w", encoding="utf-8", errors="surrogatepass") as out:
            out.write(text)
        os.replace(staging, target)


if __name__ == "__main__":
    main()
