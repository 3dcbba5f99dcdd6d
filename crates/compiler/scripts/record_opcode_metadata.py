"""Record CPython 3.14's opcode metadata for krait's bytecode tests.

Run with the reference interpreter from the repository root:

    ../shared/bin/cpython3.14 crates/compiler/scripts/record_opcode_metadata.py

Writes crates/compiler/tests/data/opcode_metadata.txt: for every opcode number
CPython knows (real, specialized, instrumented and pseudo), its name, kind,
family (deoptimised form), number of inline cache entries, flags as `_opcode`
reports them, and `_opcode.stack_effect` for a range of opargs with
jump=True, jump=False and jump=None.  Also the oparg vocabularies `opcode`
exposes (binary operators, comparison operators, intrinsics, common constants,
special method names).  Plain text, one record a line, so the Rust test needs
no parser library.
"""

import dis
import opcode
import os
import sys

import _opcode

OPARGS = list(range(0, 18)) + [255, 256, 257, 258, 511, 512, 513, 1000,
                              0x1234, 0xFFFF, 0x10000, 0x10101, (1 << 24) + 7]
FLAGS = ["arg", "const", "name", "jump", "free", "local", "exc"]


def main():
    out_path = os.path.join(os.path.dirname(__file__), "..", "tests", "data",
                            "opcode_metadata.txt")
    names = {}
    for name, num in opcode.opmap.items():
        names[num] = name
    for name, num in opcode._specialized_opmap.items():
        names[num] = name
    deopt = {}
    for base, family in dis._specializations.items():
        for member in family:
            deopt[member] = base
    lines = [
        "# CPython %s opcode metadata, recorded by crates/compiler/scripts/"
        "record_opcode_metadata.py; do not edit" % sys.version.split()[0],
        "have_argument %d" % opcode.HAVE_ARGUMENT,
        "min_instrumented %d" % opcode.MIN_INSTRUMENTED_OPCODE,
        "opargs " + " ".join(str(a) for a in OPARGS),
    ]
    for num in sorted(names):
        name = names[num]
        if name in deopt:
            kind = "specialized"
        elif num >= 256:
            kind = "pseudo"
        elif num >= opcode.MIN_INSTRUMENTED_OPCODE:
            kind = "instrumented"
        else:
            kind = "real"
        flags = [f for f in FLAGS if getattr(_opcode, "has_" + f)(num)]
        if num in opcode.hascompare:
            flags.append("compare")
        if num < 256 and dis._is_backward_jump(num):
            flags.append("backward")
        base = deopt.get(name, name)
        caches = opcode._inline_cache_entries.get(base, 0)
        lines.append("op %d %s %s %s %d %s" % (
            num, name, kind, base, caches, ",".join(flags) or "-"))
        for mode, jump in (("T", True), ("F", False), ("N", None)):
            values = []
            for oparg in OPARGS:
                try:
                    if _opcode.has_arg(num):
                        values.append(str(_opcode.stack_effect(num, oparg, jump=jump)))
                    else:
                        values.append(str(_opcode.stack_effect(num, jump=jump)))
                except ValueError:
                    values = ["error"]
                    break
            lines.append("effect %d %s %s" % (num, mode, " ".join(values)))
    for i, (name, symbol) in enumerate(opcode._nb_ops):
        lines.append("nb_op %d %s %s" % (i, name, symbol))
    for i, symbol in enumerate(opcode.cmp_op):
        lines.append("cmp_op %d %s" % (i, symbol))
    for i, name in enumerate(opcode._intrinsic_1_descs):
        lines.append("intrinsic1 %d %s" % (i, name))
    for i, name in enumerate(opcode._intrinsic_2_descs):
        lines.append("intrinsic2 %d %s" % (i, name))
    for i, const in enumerate(opcode._common_constants):
        lines.append("common_constant %d %s" % (i, const.__name__))
    for i, name in enumerate(opcode._special_method_names):
        lines.append("special_method %d %s" % (i, name))
    with open(out_path, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
