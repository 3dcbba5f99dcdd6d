"""Records CPython's symbol tables for krait's symbol-table conformance check.

Run by the reference CPython 3.14 (`cargo xtask symtable-conformance` does this).
Usage: symtable_reference.py LIST_FILE CACHE_DIR
       symtable_reference.py --dump FILE   (prints one file's dump)

For each file of LIST_FILE not cached yet, this writes
CACHE_DIR/<sha256 of the file's bytes>.txt holding either "OK\n" followed by
the dump of symtable.symtable(source, path, "exec") in the format of
crates/compiler/src/symtable/dump.rs, or "ERROR\n<class>\n<lineno>\n<msg>\n"
when building the tables raises.
"""

import os
import sys
import symtable

# The runner starts CPython isolated (-I), which leaves this directory off sys.path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_cache  # noqa: E402


FLAGS = [
    "DEF_GLOBAL", "DEF_LOCAL", "DEF_PARAM", "DEF_NONLOCAL", "USE",
    "DEF_FREE_CLASS", "DEF_IMPORT", "DEF_ANNOT", "DEF_COMP_ITER",
    "DEF_TYPE_PARAM", "DEF_COMP_CELL",
]
SCOPES = {
    symtable.LOCAL: "LOCAL",
    symtable.GLOBAL_EXPLICIT: "GLOBAL_EXPLICIT",
    symtable.GLOBAL_IMPLICIT: "GLOBAL_IMPLICIT",
    symtable.FREE: "FREE",
    symtable.CELL: "CELL",
}
PREDICATES = [
    "referenced", "parameter", "type_parameter", "global", "nonlocal",
    "declared_global", "local", "annotated", "free", "free_class",
    "imported", "assigned", "comp_iter", "comp_cell", "namespace",
]


def dump(table, out, depth=0):
    indent = "    " * depth
    raw = table._table
    out.append(
        f"{indent}{table.get_type().value} {table.get_name()} "
        f"line={table.get_lineno()} nested={int(table.is_nested())} "
        f"optimized={int(table.is_optimized())} varnames={','.join(raw.varnames)}"
    )
    for name in sorted(table.get_identifiers()):
        symbol = table.lookup(name)
        value = raw.symbols[name]
        scope = (value >> symtable.SCOPE_OFF) & symtable.SCOPE_MASK
        flags = "|".join(f for f in FLAGS if value & getattr(symtable, f) == getattr(symtable, f))
        holds = ",".join(p for p in PREDICATES if getattr(symbol, "is_" + p)())
        out.append(
            f"{indent}  {name} scope={SCOPES.get(scope, str(scope))} flags={flags} "
            f"ns={len(symbol.get_namespaces())} is={holds}"
        )
    for child in table.get_children():
        dump(child, out, depth + 1)


def render(source, path):
    top = symtable.symtable(source, path, "exec")
    out = []
    dump(top, out)
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    reference_cache.main(render)
