# _opcode: every number 0..267 against CPython's metadata (validity, flags,
# stack effects for several opargs and jump values), the descriptive lists,
# and the error messages of bad arguments.
import _opcode

opargs = (0, 1, 2, 3, 5, 16, 255, 2**32 + 3)
for op in range(268):
    flags = "".join(
        letter if test(op) else "."
        for letter, test in (
            ("V", _opcode.is_valid),
            ("A", _opcode.has_arg),
            ("C", _opcode.has_const),
            ("N", _opcode.has_name),
            ("J", _opcode.has_jump),
            ("F", _opcode.has_free),
            ("L", _opcode.has_local),
            ("E", _opcode.has_exc),
        )
    )
    effects = []
    for oparg in opargs:
        for jump in (None, True, False):
            try:
                effects.append(str(_opcode.stack_effect(op, oparg, jump=jump)))
            except ValueError as e:
                effects.append("X" if str(e) == "invalid opcode or oparg" else str(e))
    try:
        effects.append(str(_opcode.stack_effect(op)))
    except ValueError as e:
        effects.append("X" if str(e) == "invalid opcode or oparg" else str(e))
    print(op, flags, " ".join(effects))

for op in (-1, 268, 511, 512, 1000):
    print(op, _opcode.is_valid(op), _opcode.has_arg(op), _opcode.has_jump(op))

print(_opcode.get_intrinsic1_descs())
print(_opcode.get_intrinsic2_descs())
print(_opcode.get_special_method_names())
print(_opcode.get_nb_ops())
print(_opcode.get_specialization_stats())
print(_opcode.ENABLE_SPECIALIZATION, _opcode.ENABLE_SPECIALIZATION_FT)
print(_opcode.__doc__)
print(_opcode.is_valid(opcode=1))


def code_sample():
    return 1


for call in (
    lambda: _opcode.get_executor(1, 2),
    lambda: _opcode.get_executor(code_sample.__code__, 0),
    lambda: _opcode.get_executor(code_sample.__code__, "x"),
    lambda: _opcode.stack_effect(100, 1, jump=1),
    lambda: _opcode.stack_effect(100, "a"),
    lambda: _opcode.stack_effect(100, 2**70),
    lambda: _opcode.stack_effect(2**40),
    lambda: _opcode.stack_effect(1.5),
    lambda: _opcode.is_valid("a"),
    lambda: _opcode.is_valid(2**70),
    lambda: _opcode.has_arg(True),
):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

import opcode
print(opcode.opmap["LOAD_CONST"], opcode.opname[1], len(opcode.opmap))
print(opcode.stack_effect(opcode.opmap["BUILD_LIST"], 3))
print(opcode.hasjump[:5], opcode.hasconst)
